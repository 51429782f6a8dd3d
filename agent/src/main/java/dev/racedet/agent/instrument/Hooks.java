package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Emits calls to racedet's runtime facades, one per concern. {@code EmittedHooksTest} checks every
 * emitted call against the real methods.
 */
final class Hooks {
    /** {@code dev.racedet.runtime.FieldHooks}: field accesses, volatiles, class initialization. */
    static final String FIELDS = "dev/racedet/runtime/FieldHooks";
    /** {@code dev.racedet.runtime.MonitorHooks}: monitors and {@code Object.wait}. */
    static final String MONITORS = "dev/racedet/runtime/MonitorHooks";
    /** {@code dev.racedet.runtime.ThreadHooks}: thread start, termination, join, interrupt. */
    static final String THREADS = "dev/racedet/runtime/ThreadHooks";
    /** {@code dev.racedet.runtime.AtomicHooks}: {@code Unsafe} operations and fences. */
    static final String ATOMICS = "dev/racedet/runtime/AtomicHooks";
    /** {@code dev.racedet.runtime.ArrayHooks}: array elements and bulk array operations. */
    static final String ARRAYS = "dev/racedet/runtime/ArrayHooks";
    /** {@code dev.racedet.runtime.ScopeHooks}: JDK methods run as racedet-internal scopes. */
    static final String SCOPES = "dev/racedet/runtime/ScopeHooks";

    private Hooks() {
    }

    /** Whether {@code owner} (internal name) is one of the facades: calls into them are never rewritten. */
    static boolean isFacade(String owner) {
        return owner.startsWith("dev/racedet/runtime/");
    }

    static void call(MethodVisitor mv, String owner, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }

    /** Pushes an int constant with the shortest instruction. */
    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }
}
