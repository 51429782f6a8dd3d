package dev.racedet.runtime.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * A full memory fence for the detector's lock-free paths. Under the agent it calls
 * {@code jdk.internal.misc.Unsafe.fullFence} through a constant method handle (the agent exports the
 * package to racedet, and racedet never instruments that class); {@code VarHandle.fullFence()} would
 * be the same fence, but the JDK code behind it is instrumented, so it would run a fence hook each
 * time. Without the export (unit tests, racedet loaded some other way) it uses
 * {@code VarHandle.fullFence()}.
 */
final class MemoryFence {
    private static final MethodHandle UNSAFE_FENCE = unsafeFence();

    private MemoryFence() {
    }

    /** Orders every load and store before it with every load and store after it. */
    static void full() {
        if (UNSAFE_FENCE != null) {
            try {
                UNSAFE_FENCE.invokeExact();
                return;
            } catch (Throwable e) {
                // not reached: the handle was resolved at class initialization
            }
        }
        VarHandle.fullFence();
    }

    private static MethodHandle unsafeFence() {
        try {
            Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = type.getMethod("getUnsafe").invoke(null);
            return MethodHandles.lookup().findVirtual(type, "fullFence", MethodType.methodType(void.class))
                    .bindTo(unsafe);
        } catch (Throwable notExported) {
            return null;
        }
    }
}
