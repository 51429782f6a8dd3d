package dev.racedet.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The max locals of every method of a class as compiled, read in a pre-pass for visitors that need
 * a free local before the method's end (where ASM reports it). Only classes that call
 * {@code Unsafe} need it, so the pass runs only for them.
 */
final class MaxLocals {
    private final Map<String, Integer> byMethod;

    private MaxLocals(Map<String, Integer> byMethod) {
        this.byMethod = byMethod;
    }

    /**
     * The max locals of the class {@code reader} reads, or none if it never names an Unsafe class and
     * has no {@link JdkInternalScopes internal scope} (the visitors that take fresh locals).
     */
    static MaxLocals of(ClassReader reader) {
        return of(reader, false);
    }

    /** The same, always computed when {@code checked} (checked methods keep calling contexts in locals). */
    static MaxLocals of(ClassReader reader, boolean checked) {
        Map<String, Integer> found = new HashMap<>();
        if (checked || namesUnsafe(reader) || JdkInternalScopes.hasScopes(reader.getClassName())) {
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMaxs(int maxStack, int maxLocals) {
                            found.put(name + descriptor, maxLocals);
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        return new MaxLocals(found);
    }

    /** The method's max locals, or -1 if unknown (the class needs no fresh local). */
    int of(String name, String descriptor) {
        return byMethod.getOrDefault(name + descriptor, -1);
    }

    private static boolean namesUnsafe(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            // a CONSTANT_Class entry: tag 7 just before the item's offset
            if (offset > 0 && reader.readByte(offset - 1) == 7) {
                String name = reader.readUTF8(offset, buffer);
                if (name != null && AtomicCallVisitor.isUnsafe(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
