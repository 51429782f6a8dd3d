package dev.racedet.agent.instrument;

import dev.racedet.runtime.WeakIdentityTable;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * The {@link ClassInfo}s racedet resolves fields and super types with, cached across
 * transformations (reading a class file once per loader, not once per class that refers to it).
 * Infos come from the class being transformed itself (its actual bytes) or from the class file
 * found by the loader's resource lookup; nothing is ever loaded. {@code java/...} classes can only
 * be defined by the JDK's loaders, so they are shared by every loader. A name that cannot be read is
 * remembered as missing; a class defined later from bytes replaces that.
 *
 * <p>Thread safety: any thread may call any method; no lock is held while loader code runs.
 */
final class ClassInfos {
    private static final Object MISSING = new Object();

    /** Per loader: internal name -> ClassInfo or MISSING, and the classes that got shadow fields. */
    private static final class PerLoader {
        final ConcurrentHashMap<String, Object> infos = new ConcurrentHashMap<>();
        final Set<String> shadowed = ConcurrentHashMap.newKeySet();
    }

    private final PerLoader jdk = new PerLoader();
    private final PerLoader boot = new PerLoader();
    /** By loader identity, never the loader's own hashCode/equals, without keeping loaders alive. */
    private final WeakIdentityTable<PerLoader> loaders = new WeakIdentityTable<>();

    /**
     * The class {@code name} as {@code loader} sees it, or {@code null}. With {@code mayRead} false
     * only what is already cached is used (no loader code runs: for transformations nested in one
     * of racedet's own class file reads).
     */
    ClassInfo find(ClassLoader loader, String name, boolean mayRead) {
        PerLoader own = of(loader, name);
        Object known = own.infos.get(name);
        if (known == null && mayRead) {
            ClassInfo read = read(own == jdk || loader == null ? null : loader, name);
            known = read == null ? MISSING : read;
            Object raced = own.infos.putIfAbsent(name, known);
            known = raced == null ? known : raced;
        }
        if (known instanceof ClassInfo info) {
            return info;
        }
        return own == jdk || loader == null ? null : fromParents(loader, name);
    }

    /** Records the class being defined, from its actual bytes. */
    void remember(ClassLoader loader, ClassInfo info) {
        of(loader, info.name()).infos.put(info.name(), info);
    }

    /** Records that {@code name} got shadow fields at its first load by {@code loader}. */
    void markShadowed(ClassLoader loader, String name) {
        of(loader, name).shadowed.add(name);
    }

    /** Whether {@code name} got shadow fields at its first load by {@code loader}. */
    boolean isShadowed(ClassLoader loader, String name) {
        return of(loader, name).shadowed.contains(name);
    }

    /**
     * Classes generated at run time have no class file; code of a child loader may still refer to
     * one its parent defined. {@code getParent} is final: no application code runs.
     */
    private ClassInfo fromParents(ClassLoader loader, String name) {
        for (ClassLoader p = loader.getParent(); ; p = p.getParent()) {
            Object known = (p == null ? boot : loaders.computeIfAbsent(p, ClassInfos::newPerLoader)).infos.get(name);
            if (known instanceof ClassInfo info) {
                return info;
            }
            if (p == null) {
                return null;
            }
        }
    }

    private PerLoader of(ClassLoader loader, String name) {
        if (name.startsWith("java/")) {
            return jdk;
        }
        return loader == null ? boot : loaders.computeIfAbsent(loader, ClassInfos::newPerLoader);
    }

    private static PerLoader newPerLoader(Object loader) {
        return new PerLoader();
    }

    private static ClassInfo read(ClassLoader loader, String name) {
        String resource = name + ".class";
        try (InputStream in = loader == null
                ? ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : ClassInfo.of(new ClassReader(in.readAllBytes()));
        } catch (Exception | LinkageError unreadable) {
            return null; // treated like a missing class: accesses through it are left alone
        }
    }
}
