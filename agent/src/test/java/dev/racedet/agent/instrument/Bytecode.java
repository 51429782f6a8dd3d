package dev.racedet.agent.instrument;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Test support: JDK class files of installed JDKs, and the instructions of methods as text. */
final class Bytecode {
    private Bytecode() {
    }

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(Opcodes.DUP, "DUP"),
            Map.entry(Opcodes.SWAP, "SWAP"), Map.entry(Opcodes.DUP_X1, "DUP_X1"), Map.entry(Opcodes.ALOAD, "ALOAD"),
            Map.entry(Opcodes.ASTORE, "ASTORE"), Map.entry(Opcodes.ILOAD, "ILOAD"),
            Map.entry(Opcodes.ISTORE, "ISTORE"), Map.entry(Opcodes.INVOKESTATIC, "INVOKESTATIC"),
            Map.entry(Opcodes.INVOKEVIRTUAL, "INVOKEVIRTUAL"), Map.entry(Opcodes.INVOKESPECIAL, "INVOKESPECIAL"),
            Map.entry(Opcodes.INVOKEINTERFACE, "INVOKEINTERFACE"), Map.entry(Opcodes.RETURN, "RETURN"),
            Map.entry(Opcodes.IRETURN, "IRETURN"), Map.entry(Opcodes.LRETURN, "LRETURN"),
            Map.entry(Opcodes.FRETURN, "FRETURN"), Map.entry(Opcodes.DRETURN, "DRETURN"),
            Map.entry(Opcodes.ARETURN, "ARETURN"), Map.entry(Opcodes.ATHROW, "ATHROW"));

    /** A readable name for the opcodes the tests look at, a number for the others. */
    static String name(int opcode) {
        return NAMES.getOrDefault(opcode, "op" + opcode);
    }

    /** The JDK homes to test against: this one, and JDK 25 when installed (racedet.jdk25). */
    static List<Path> jdkHomes() {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        String jdk25 = System.getProperty("racedet.jdk25");
        if (jdk25 != null && !jdk25.isBlank() && Files.isDirectory(Path.of(jdk25, "lib"))
                && Runtime.version().feature() != 25) {
            homes.add(Path.of(jdk25));
        }
        return homes;
    }

    /** The class file {@code internalName} of {@code java.base} in the JDK at {@code home}, or null. */
    static byte[] jdkClass(Path home, String internalName) throws IOException {
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home.toString()))) {
            Path file = jrt.getPath("modules", "java.base", internalName + ".class");
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        }
    }

    /**
     * Per method ("name+descriptor"), its instructions as text: "OPCODE" or "OPCODE owner.name+descriptor"
     * for method calls, "OPCODE var" for local variable instructions.
     */
    static Map<String, List<String>> instructions(byte[] classFile) {
        Map<String, List<String>> methods = new LinkedHashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                List<String> code = new ArrayList<>();
                methods.put(name + descriptor, code);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        code.add(name(opcode));
                    }

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                        code.add(name(opcode) + " " + var);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mname, String mdesc, boolean itf) {
                        code.add(name(opcode) + " " + owner + "." + mname + mdesc);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fname, String fdesc) {
                        code.add(name(opcode) + " " + owner + "." + fname + ":" + fdesc);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iname, String idesc, net.bytebuddy.jar.asm.Handle bsm,
                                                       Object... args) {
                        // INVOKEDYNAMIC name(type) bootstrapOwner.bootstrap(descriptor)
                        code.add("INVOKEDYNAMIC " + iname + idesc + " " + bsm.getOwner() + "." + bsm.getName()
                                + bsm.getDesc());
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return methods;
    }
}
