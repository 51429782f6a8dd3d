package dev.racedet.agent.instrument;

import dev.racedet.agent.ClassFilter;
import dev.racedet.runtime.InternalErrors;
import dev.racedet.runtime.Lifecycle;
import dev.racedet.runtime.Racedet;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;

/**
 * racedet's class file transformer. Every application class (outside the JDK and racedet) is
 * rewritten by {@link InstrumentingClassVisitor} when it is loaded: its synchronization always, its
 * field accesses when the {@link ClassFilter} includes it. Classes of the JDK get their
 * synchronization instrumented too ({@link JdkClasses} says which), those loaded before the agent
 * by retransformation ({@link JdkInstaller}), and {@code java.lang.Thread},
 * {@code java.lang.VirtualThread} and {@code java.lang.ApplicationShutdownHooks} get the
 * {@link JdkThreadHooks}. Any failure leaves the class unmodified and is counted as an internal
 * error. Transforming is racedet's own work: the synchronization it performs is not analyzed.
 *
 * <p>Registered as retransformation-capable, so retransformation-incapable transformers (JaCoCo's)
 * always run before it, whatever the order of the {@code -javaagent} flags, and see the original
 * bytes. When a class is retransformed (Mockito's inline mock maker does), the result has exactly
 * the shape of its first load: shadow fields only if it got them then.
 *
 * <p>Nothing here calls application code but a class loader's resource lookup, and no class is
 * loaded on racedet's behalf. A transformation nested inside one of racedet's own class file reads
 * (the loader's lookup loading a class) resolves from the cache only, so it cannot recurse.
 */
public final class RacedetTransformer implements ClassFileTransformer {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final ClassFilter filter;
    private final JdkClassCache cache;
    private final ClassInfos infos = new ClassInfos();
    private final FacadeResolution facades = new FacadeResolution();
    /** Per thread: > 0 while this thread is inside a transformation (never keyed by Thread.hashCode). */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    /**
     * Attached sessions only ({@link AttachedInstrumentation}): internal names of the classes this
     * transformer changed, so that detaching retransforms exactly them; {@code null} otherwise.
     */
    private final Set<String> changed;

    RacedetTransformer(ClassFilter filter) {
        this(filter, JdkClassCache.none(), false);
    }

    /**
     * @param attached whether racedet was attached to a running JVM: then no class gets members
     *     (detaching must be able to give every class back its original shape) and changed classes
     *     are remembered
     */
    RacedetTransformer(ClassFilter filter, JdkClassCache cache, boolean attached) {
        this.filter = filter;
        this.cache = cache;
        this.changed = attached ? ConcurrentHashMap.newKeySet() : null;
    }

    /**
     * Registers the transformer and hooks the JDK's thread classes. Call once, from {@code premain},
     * after the runtime is initialized.
     */
    public static void install(Instrumentation instrumentation, ClassFilter filter, Path cacheDirectory) {
        RacedetTransformer transformer = new RacedetTransformer(filter, JdkClassCache.open(cacheDirectory), false);
        transformer.warmUp();
        instrumentation.addTransformer(transformer, true);
        JdkInstaller.install(instrumentation, transformer.cache);
        transformer.cache.save();
        Lifecycle.atExit(new Runnable() {
            @Override
            public void run() {
                transformer.cache.save(); // the JDK classes first loaded while the program ran
            }
        });
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        boolean began = Racedet.beginInternal();
        try {
            byte[] result;
            if (loader == null || loader == PLATFORM) {
                result = className == null ? null : instrumentJdk(loader, className, classfileBuffer);
            } else {
                result = transformApplication(loader, className, classBeingRedefined, classfileBuffer);
            }
            if (changed != null && result != null && className != null) {
                changed.add(className);
            }
            return result;
        } finally {
            Racedet.endInternal(began);
        }
    }

    private byte[] transformApplication(ClassLoader loader, String className, Class<?> classBeingRedefined,
                                        byte[] classfileBuffer) {
        int[] nesting = depth.get();
        nesting[0]++;
        try {
            byte[] result = instrument(loader, classBeingRedefined != null, classfileBuffer, nesting[0] == 1);
            if (result != null && nesting[0] == 1) {
                facades.ensure(loader);
            }
            return result;
        } catch (Throwable e) {
            InternalErrors.record("instrumenting " + (className == null ? "a class" : className.replace('/', '.'))
                    + " (loaded unmodified)", e);
            return null;
        } finally {
            nesting[0]--;
        }
    }

    /**
     * The instrumented bytes, or {@code null} to keep the class as it is (racedet's or the JDK's own
     * classes, or a class that racedet already instrumented).
     *
     * @param mayRead whether class files may be read through the loader (not when nested in a read)
     */
    byte[] instrument(ClassLoader loader, boolean redefining, byte[] bytes, boolean mayRead) {
        ClassReader reader = new ClassReader(bytes);
        String name = reader.getClassName();
        String binaryName = name.replace('/', '.');
        if (!filter.isInstrumentable(binaryName)) {
            return null;
        }
        ClassInfo self = ClassInfo.of(reader);
        infos.remember(loader, self);
        // Members only at first load, never twice, and on retransformation exactly as at first load.
        boolean mayAddMembers = changed == null && !self.hasRacedetMembers()
                && (!redefining || infos.isShadowed(loader, name));
        ClassWriter writer = new ClassWriter(reader, 0);
        InstrumentingClassVisitor visitor = new InstrumentingClassVisitor(writer,
                new MemberResolver(infos, loader, mayRead), MaxLocals.of(reader, filter.includes(binaryName)),
                filter.includes(binaryName),
                mayAddMembers);
        // Expanded frames: SynchronizedMethodVisitor writes one F_NEW frame for its handler.
        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
        byte[] result = writer.toByteArray();
        if (!redefining && visitor.addedShadows()) {
            infos.markShadowed(loader, name);
        }
        return result;
    }

    /**
     * A class of the JDK with its synchronization instrumented (and the {@link JdkThreadHooks} where
     * they apply), or {@code null} to leave it as it is.
     */
    byte[] instrumentJdk(ClassLoader loader, String className, byte[] bytes) {
        boolean threadHooks = loader == null && JdkThreadHooks.hooks(className);
        boolean sync = JdkClasses.instruments(className);
        if (!threadHooks && !sync) {
            return null;
        }
        int[] nesting = depth.get();
        nesting[0]++;
        try {
            JdkClassCache.Entry known = cache.find(className, bytes);
            if (known != null) {
                if (known.bytes() != null && nesting[0] == 1) {
                    facades.ensure(loader);
                }
                return known.bytes();
            }
            ClassReader reader = new ClassReader(bytes);
            infos.remember(loader, ClassInfo.of(reader));
            boolean complete = nesting[0] == 1; // nested: resolves from what is cached only
            MemberResolver resolver = new MemberResolver(infos, loader, complete);
            sync = sync && SyncScan.synchronizes(reader, resolver);
            if (!threadHooks && !sync) {
                if (complete) {
                    cache.record(className, bytes, null);
                }
                return null;
            }
            ClassWriter writer = new ClassWriter(reader, 0);
            ClassVisitor visitor = writer;
            if (sync) {
                visitor = InstrumentingClassVisitor.forJdk(visitor, resolver, MaxLocals.of(reader));
            }
            if (threadHooks) {
                visitor = new JdkThreadHooks(visitor);
            }
            reader.accept(visitor, ClassReader.EXPAND_FRAMES);
            byte[] result = writer.toByteArray();
            if (complete) {
                cache.record(className, bytes, result);
                facades.ensure(loader); // the platform loader's classes
            }
            return result;
        } catch (Throwable e) {
            InternalErrors.record("instrumenting " + className.replace('/', '.') + " (left unmodified)", e);
            return null;
        } finally {
            nesting[0]--;
        }
    }

    /** The JDK class cache this transformer reads and fills. */
    JdkClassCache cache() {
        return cache;
    }

    /** Attached sessions: whether this transformer changed the class of internal name {@code name}. */
    boolean changed(String internalName) {
        return changed != null && changed.contains(internalName);
    }

    /**
     * Runs the whole pipeline once on a small generated class, so every class it needs is loaded
     * before the first application class: loading racedet's classes in the middle of a transformation
     * could otherwise fail with a ClassCircularityError.
     */
    void warmUp() {
        transform(null, ClassLoader.getSystemClassLoader(), WarmUpClass.NAME, null, null, WarmUpClass.bytes());
        String atomic = "java/util/concurrent/atomic/AtomicInteger";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(atomic + ".class")) {
            if (in != null) {
                instrumentJdk(null, atomic, in.readAllBytes()); // the JDK path, Unsafe calls included
            }
        } catch (IOException e) {
            InternalErrors.record("warming up", e);
        }
    }
}
