package dev.racedet.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Volatile reads and compare-and-sets of reference fields that run no hook: racedet instruments the
 * JDK's {@code VarHandle} implementation (its {@code Unsafe} calls are the program's atomics), so a
 * {@code VarHandle.compareAndSet} of racedet's own costs two hook calls, each a {@code ThreadLocal}
 * lookup before the guard turns it away. This calls {@code jdk.internal.misc.Unsafe} (which the agent
 * exports to racedet at startup, and which racedet never instruments) through constant method
 * handles the JIT compiles into the intrinsics.
 *
 * <p>{@link #AVAILABLE} is false when the package was not exported (racedet loaded some other way);
 * callers then use a {@code VarHandle}. Offsets come from {@link #offsetOf}; the caller guarantees
 * that an offset names a reference field of the object it passes.
 */
final class RawReferences {
    private static final MethodHandle CAS;
    private static final MethodHandle GET_VOLATILE;
    private static final MethodHandle OFFSET;
    /** Whether the methods below work. */
    static final boolean AVAILABLE;

    static {
        MethodHandle cas = null;
        MethodHandle get = null;
        MethodHandle offset = null;
        try {
            Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = type.getMethod("getUnsafe").invoke(null);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            cas = lookup.findVirtual(type, "compareAndSetReference", MethodType.methodType(boolean.class,
                    Object.class, long.class, Object.class, Object.class)).bindTo(unsafe);
            get = lookup.findVirtual(type, "getReferenceVolatile",
                    MethodType.methodType(Object.class, Object.class, long.class)).bindTo(unsafe);
            // By class and name: Class.getDeclaredField would resolve the types of all the class's
            // fields, and one of them may be missing (an optional dependency)
            offset = lookup.findVirtual(type, "objectFieldOffset",
                    MethodType.methodType(long.class, Class.class, String.class)).bindTo(unsafe);
        } catch (Throwable notExported) {
            cas = null;
        }
        AVAILABLE = cas != null;
        CAS = cas;
        GET_VOLATILE = get;
        OFFSET = offset;
    }

    private RawReferences() {
    }

    /** The offset of instance field {@code name} declared by {@code declaring}, or -1 if it cannot be had. */
    static long offsetOf(Class<?> declaring, String name) {
        if (!AVAILABLE) {
            return -1;
        }
        try {
            return (long) OFFSET.invokeExact(declaring, name);
        } catch (Throwable e) {
            return -1;
        }
    }

    static boolean compareAndSet(Object o, long offset, Object expected, Object value) {
        try {
            return (boolean) CAS.invokeExact(o, offset, expected, value);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static Object getVolatile(Object o, long offset) {
        try {
            return (Object) GET_VOLATILE.invokeExact(o, offset);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
