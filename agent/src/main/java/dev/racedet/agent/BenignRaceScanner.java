package dev.racedet.agent;

import dev.racedet.runtime.InternalErrors;
import dev.racedet.runtime.Racedet;
import dev.racedet.runtime.triage.BenignMarks;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds the in-code marks of intentional races when a class is loaded: an annotation whose simple
 * name is {@code BenignRace} or {@code RacedetIgnore}, of any package, on a field, a method or a
 * class, is recorded in {@link BenignMarks}. The program needs no dependency on racedet: it declares
 * its own {@code @interface}. Reading the class file (not reflection) sees {@code CLASS}-retention
 * annotations, loads nothing and calls no application code; and it costs nothing per access, since
 * the marks are looked up only when a new race is judged.
 *
 * <p>A class file that does not contain either name anywhere (almost all of them) is skipped after a
 * byte search; the others are parsed without their code. Registered as a transformer that never
 * changes a class and is not retransformation-capable, so it sees every class once, at its first
 * load, before racedet's own transformer.
 */
public final class BenignRaceScanner implements ClassFileTransformer {
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    private static final byte[][] NAMES = {
        "BenignRace;".getBytes(StandardCharsets.US_ASCII), "RacedetIgnore;".getBytes(StandardCharsets.US_ASCII)};

    private BenignRaceScanner() {
    }

    /** Registers the scanner; call from {@code premain}, before the application's classes load. */
    public static void install(Instrumentation instrumentation) {
        BenignRaceScanner scanner = new BenignRaceScanner();
        scanner.scan(warmUpClass()); // loads the ASM classes it uses now, not inside a class load
        instrumentation.addTransformer(scanner, false);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || loader == PLATFORM || classBeingRedefined != null || classfileBuffer == null
                || !mentionsMarker(classfileBuffer)) {
            return null;
        }
        boolean began = Racedet.beginInternal();
        try {
            scan(classfileBuffer);
        } catch (Throwable e) {
            InternalErrors.record("reading the annotations of " + (className == null ? "a class"
                    : className.replace('/', '.')), e);
        } finally {
            Racedet.endInternal(began);
        }
        return null; // never changes the class
    }

    static boolean mentionsMarker(byte[] bytes) {
        for (byte[] name : NAMES) {
            if (indexOf(bytes, name) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte[] name) {
        outer:
        for (int i = 0; i <= bytes.length - name.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (bytes[i + j] != name[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void scan(byte[] bytes) {
        new ClassReader(bytes).accept(new Marks(), ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Records the marked class, fields and methods of one class file. */
    private static final class Marks extends ClassVisitor {
        private String className;

        Marks() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            className = name.replace('/', '.');
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (BenignMarks.isMarker(descriptor)) {
                BenignMarks.markClass(className);
            }
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (BenignMarks.isMarker(annotation)) {
                        BenignMarks.markField(className, name);
                    }
                    return null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (BenignMarks.isMarker(annotation)) {
                        BenignMarks.markMethod(className, name);
                    }
                    return null;
                }
            };
        }
    }

    /** A tiny class with a field and a method, none of them marked, for the warm-up. */
    private static byte[] warmUpClass() {
        net.bytebuddy.jar.asm.ClassWriter w = new net.bytebuddy.jar.asm.ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "dev/racedet/agent/ScannerWarmUp", null, "java/lang/Object", null);
        w.visitAnnotation("Ldev/racedet/agent/NotAMark;", false).visitEnd();
        w.visitField(Opcodes.ACC_PRIVATE, "f", "I", null, null).visitAnnotation("Ldev/racedet/agent/NotAMark;", false);
        MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "m", "()V", null, null);
        m.visitAnnotation("Ldev/racedet/agent/NotAMark;", false);
        m.visitEnd();
        w.visitEnd();
        return w.toByteArray();
    }
}
