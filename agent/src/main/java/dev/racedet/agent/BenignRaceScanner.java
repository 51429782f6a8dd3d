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
 * <p>A class file whose constant pool holds neither name (almost all of them) is skipped after a
 * walk over its constant pool; the others are parsed without their code. Registered as a
 * retransformation-capable transformer that never changes a class, before racedet's own: it sees
 * every class at its first load, and classes loaded before racedet started (an attached agent) when
 * they are retransformed. Seeing a class twice is harmless: the marks are sets.
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
        instrumentation.addTransformer(scanner, true);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || loader == PLATFORM || classfileBuffer == null || !mentionsMarker(classfileBuffer)) {
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

    /**
     * Whether a {@code CONSTANT_Utf8} entry of the class file's constant pool ends with one of the
     * marker names: a walk over the constant pool only (the code is never looked at), so the cost is
     * proportional to the number of entries. A malformed or unknown constant pool says no: the JVM
     * rejects such a class anyway.
     */
    static boolean mentionsMarker(byte[] bytes) {
        if (bytes.length < 10) {
            return false;
        }
        int count = u2(bytes, 8);
        int at = 10;
        for (int i = 1; i < count; i++) {
            if (at >= bytes.length) {
                return false;
            }
            int tag = bytes[at];
            int size;
            switch (tag) {
                case 1 -> {
                    if (at + 3 > bytes.length) {
                        return false;
                    }
                    int length = u2(bytes, at + 1);
                    int end = at + 3 + length;
                    if (end > bytes.length) {
                        return false;
                    }
                    for (byte[] name : NAMES) {
                        if (length >= name.length && endsWith(bytes, end, name)) {
                            return true;
                        }
                    }
                    size = 3 + length;
                }
                case 7, 8, 16, 19, 20 -> size = 3;
                case 15 -> size = 4;
                case 3, 4, 9, 10, 11, 12, 17, 18 -> size = 5;
                case 5, 6 -> {
                    size = 9;
                    i++; // takes two entries
                }
                default -> {
                    return false;
                }
            }
            at += size;
        }
        return false;
    }

    private static int u2(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    /** Whether {@code bytes[..end)} ends with {@code name}. */
    private static boolean endsWith(byte[] bytes, int end, byte[] name) {
        int from = end - name.length;
        for (int j = 0; j < name.length; j++) {
            if (bytes[from + j] != name[j]) {
                return false;
            }
        }
        return true;
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
