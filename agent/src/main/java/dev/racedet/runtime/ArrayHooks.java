package dev.racedet.runtime;

import static dev.racedet.runtime.Engine.DETECTOR;

import dev.racedet.runtime.engine.ThreadState;
import java.util.Arrays;

/**
 * Hooks of array elements in checked code: every element load and store becomes an access event of
 * that element (so {@code a[3]} and {@code a[4]} never conflict), and the JDK's bulk operations
 * called from checked code ({@code System.arraycopy}, {@code Arrays.fill}, {@code Arrays.copyOf},
 * {@code Arrays.copyOfRange}, an array's {@code clone()}) become one event per element they touch.
 * Every method is static, takes int site ids computed at instrumentation time and never throws,
 * except that a replaced bulk operation throws exactly what the operation it makes throws.
 *
 * <p>An element access whose array is {@code null} or whose index is out of bounds records nothing:
 * the instruction throws. A replaced bulk operation runs first and its elements are recorded only when
 * it returns, so a call that throws records nothing (no synchronization happens inside these
 * operations, so recording after them changes no order). An {@code arraycopy} of references that
 * fails part-way ({@code ArrayStoreException}) has copied a prefix: it is not recorded (a missed
 * access, never a false one).
 */
public final class ArrayHooks {
    private static final ArrayShadows ARRAYS = new ArrayShadows();

    private ArrayHooks() {
    }

    /** Before an xALOAD: {@code array[index]} is read at {@code site}. */
    public static void read(Object array, int index, int site) {
        access(array, index, site, false);
    }

    /** Before an xASTORE: {@code array[index]} is written at {@code site}. */
    public static void write(Object array, int index, int site) {
        access(array, index, site, true);
    }

    /**
     * Before an xALOAD in a checked method, which passes its thread's state ({@code null} while it
     * has none). An element read again in the same epoch costs no lock, no call and no table lookup:
     * the array's shadow comes from the thread's {@link ArrayCache}.
     */
    public static void read(Object array, int index, Object thread, int site) {
        if (!(thread instanceof ThreadState t) || !ArrayCache.isCurrent(t, array, index, site, false)) {
            access(array, index, thread, site, false);
        }
    }

    /** Before an xASTORE in a checked method: as {@link #read(Object, int, Object, int)}. */
    public static void write(Object array, int index, Object thread, int site) {
        if (!(thread instanceof ThreadState t) || !ArrayCache.isCurrent(t, array, index, site, true)) {
            access(array, index, thread, site, true);
        }
    }

    private static void access(Object array, int index, int site, boolean write) {
        access(array, index, null, site, write);
    }

    private static void access(Object array, int index, Object thread, int site, boolean write) {
        if (array == null || index < 0) {
            return; // the instruction throws
        }
        ThreadState t = null;
        try {
            t = Engine.enter(thread);
            if (t != null && (write || !t.optimisticReads)) {
                ArrayShadow shadow = ArrayCache.shadow(t, array, site, ARRAYS);
                if (index < shadow.length()) {
                    shadow.access(t, DETECTOR, index, site, write);
                    Engine.printPending(t);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record(write ? "array write hook" : "array read hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** Before an array's {@code clone()}: every element is read. */
    public static void cloneRead(Object array, int site) {
        if (array != null) {
            range(array, 0, Integer.MAX_VALUE, site, false);
        }
    }

    /** Replaces {@code System.arraycopy}: reads the source range, writes the destination range. */
    public static void arraycopy(Object src, int srcPos, Object dest, int destPos, int length, int readSite,
                                 int writeSite) {
        System.arraycopy(src, srcPos, dest, destPos, length);
        range(src, srcPos, (long) srcPos + length, readSite, false);
        range(dest, destPos, (long) destPos + length, writeSite, true);
    }

    /** Replaces {@code Arrays.fill(long[], long)}: writes every element. */
    public static void fill(long[] a, long value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(long[], int, int, long)}: writes the range. */
    public static void fill(long[] a, int from, int to, long value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(int[], int)}: writes every element. */
    public static void fill(int[] a, int value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(int[], int, int, int)}: writes the range. */
    public static void fill(int[] a, int from, int to, int value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(short[], short)}: writes every element. */
    public static void fill(short[] a, short value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(short[], int, int, short)}: writes the range. */
    public static void fill(short[] a, int from, int to, short value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(char[], char)}: writes every element. */
    public static void fill(char[] a, char value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(char[], int, int, char)}: writes the range. */
    public static void fill(char[] a, int from, int to, char value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(byte[], byte)}: writes every element. */
    public static void fill(byte[] a, byte value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(byte[], int, int, byte)}: writes the range. */
    public static void fill(byte[] a, int from, int to, byte value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(boolean[], boolean)}: writes every element. */
    public static void fill(boolean[] a, boolean value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(boolean[], int, int, boolean)}: writes the range. */
    public static void fill(boolean[] a, int from, int to, boolean value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(double[], double)}: writes every element. */
    public static void fill(double[] a, double value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(double[], int, int, double)}: writes the range. */
    public static void fill(double[] a, int from, int to, double value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(float[], float)}: writes every element. */
    public static void fill(float[] a, float value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(float[], int, int, float)}: writes the range. */
    public static void fill(float[] a, int from, int to, float value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }
    /** Replaces {@code Arrays.fill(Object[], Object)}: writes every element. */
    public static void fill(Object[] a, Object value, int site) {
        Arrays.fill(a, value);
        range(a, 0, a.length, site, true);
    }

    /** Replaces {@code Arrays.fill(Object[], int, int, Object)}: writes the range. */
    public static void fill(Object[] a, int from, int to, Object value, int site) {
        Arrays.fill(a, from, to, value);
        range(a, from, to, site, true);
    }

    /** Replaces {@code Arrays.copyOf(long[], int)}: reads the elements copied. */
    public static long[] copyOf(long[] a, int newLength, int site) {
        long[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(long[], int, int)}: reads the elements copied. */
    public static long[] copyOfRange(long[] a, int from, int to, int site) {
        long[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(int[], int)}: reads the elements copied. */
    public static int[] copyOf(int[] a, int newLength, int site) {
        int[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(int[], int, int)}: reads the elements copied. */
    public static int[] copyOfRange(int[] a, int from, int to, int site) {
        int[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(short[], int)}: reads the elements copied. */
    public static short[] copyOf(short[] a, int newLength, int site) {
        short[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(short[], int, int)}: reads the elements copied. */
    public static short[] copyOfRange(short[] a, int from, int to, int site) {
        short[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(char[], int)}: reads the elements copied. */
    public static char[] copyOf(char[] a, int newLength, int site) {
        char[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(char[], int, int)}: reads the elements copied. */
    public static char[] copyOfRange(char[] a, int from, int to, int site) {
        char[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(byte[], int)}: reads the elements copied. */
    public static byte[] copyOf(byte[] a, int newLength, int site) {
        byte[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(byte[], int, int)}: reads the elements copied. */
    public static byte[] copyOfRange(byte[] a, int from, int to, int site) {
        byte[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(boolean[], int)}: reads the elements copied. */
    public static boolean[] copyOf(boolean[] a, int newLength, int site) {
        boolean[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(boolean[], int, int)}: reads the elements copied. */
    public static boolean[] copyOfRange(boolean[] a, int from, int to, int site) {
        boolean[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(double[], int)}: reads the elements copied. */
    public static double[] copyOf(double[] a, int newLength, int site) {
        double[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(double[], int, int)}: reads the elements copied. */
    public static double[] copyOfRange(double[] a, int from, int to, int site) {
        double[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(float[], int)}: reads the elements copied. */
    public static float[] copyOf(float[] a, int newLength, int site) {
        float[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(float[], int, int)}: reads the elements copied. */
    public static float[] copyOfRange(float[] a, int from, int to, int site) {
        float[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }
    /** Replaces {@code Arrays.copyOf(Object[], int)}: reads the elements copied. */
    public static Object[] copyOf(Object[] a, int newLength, int site) {
        Object[] copy = Arrays.copyOf(a, newLength);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(Object[], int, int)}: reads the elements copied. */
    public static Object[] copyOfRange(Object[] a, int from, int to, int site) {
        Object[] copy = Arrays.copyOfRange(a, from, to);
        range(a, from, to, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOf(U[], int, Class)}: reads the elements copied. */
    public static Object[] copyOf(Object[] a, int newLength, Class<? extends Object[]> newType, int site) {
        Object[] copy = Arrays.copyOf(a, newLength, newType);
        range(a, 0, newLength, site, false);
        return copy;
    }

    /** Replaces {@code Arrays.copyOfRange(U[], int, int, Class)}: reads the elements copied. */
    public static Object[] copyOfRange(Object[] a, int from, int to, Class<? extends Object[]> newType, int site) {
        Object[] copy = Arrays.copyOfRange(a, from, to, newType);
        range(a, from, to, site, false);
        return copy;
    }

    /** Elements {@code from} to {@code to - 1} of {@code array}, clamped to its bounds, are accessed. */
    private static void range(Object array, long from, long to, int site, boolean write) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                ARRAYS.of(array).accessRange(t, DETECTOR, from, to, site, write);
                Engine.printPending(t);
            }
        } catch (Throwable e) {
            InternalErrors.record(write ? "array bulk write hook" : "array bulk read hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * Loads and initializes the array hooks and their shadow classes now, from the agent at startup,
     * rather than inside the first instrumented array access: the paths run on arrays nobody else
     * sees, so they add no race and no edge.
     */
    static void initialize() {
        int[] sample = new int[2];
        read(sample, 0, -1);
        write(sample, 1, -1);
        cloneRead(sample, -1);
        range(sample, 0, 2, -1, true);
    }

    /** The shadow of {@code array} if it has one (tests). */
    static ArrayShadow shadowOf(Object array) {
        return ARRAYS.find(array);
    }
}
