package dev.racedet.runtime.engine;

import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * A full memory fence for the detector's lock-free paths. {@code VarHandle.fullFence()} is the
 * standard one, but the JDK code behind it is instrumented (racedet models the program's fences),
 * so each use would run a fence hook; {@code sun.misc.Unsafe.fullFence()} is the same JVM intrinsic
 * in a class racedet never instruments, and the JIT compiles the call into the fence instruction. It
 * is deprecated for removal, but is not among the memory-access methods JDK 24 and later warn
 * about; where it is gone or unreachable, {@code VarHandle.fullFence()} is used.
 */
@SuppressWarnings("removal")
final class MemoryFence {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private MemoryFence() {
    }

    /** Orders every load and store before it with every load and store after it. */
    static void full() {
        if (UNSAFE != null) {
            UNSAFE.fullFence();
        } else {
            VarHandle.fullFence();
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            sun.misc.Unsafe.class.getMethod("fullFence");
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (Throwable unavailable) {
            return null;
        }
    }
}
