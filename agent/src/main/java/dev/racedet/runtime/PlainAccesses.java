package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;

/**
 * Plain accesses made through a location (object and offset, or array and index) rather than a
 * field or array instruction: plain-mode {@code VarHandle.get}/{@code set} called from checked code,
 * and plain {@code Unsafe} reads and writes. Each is recorded on the same state as the ordinary
 * access of that field or element ({@link FieldLayouts} finds the field at an offset), so a plain
 * {@code VarHandle} write races with a {@code getfield} as it does with another {@code VarHandle}
 * read.
 *
 * <p>{@code VarHandle}: checked code marks the call ({@link #varHandleCall}); the JDK's
 * implementation of the plain modes ({@code VarHandleInts$FieldInstanceReadOnly.get},
 * {@code $Array.set}, ...) reports the location it accesses ({@link #varHandleField},
 * {@link #varHandleElement}), which is checked only if the mark is there, then removes it. The JDK's
 * own plain {@code VarHandle} accesses (concurrent queues, maps) carry no mark and are never checked.
 * A mark is taken by one access at most, and the call's return removes it if nothing took it (a
 * static field's or a {@code ByteBuffer} view's handle, not checked).
 *
 * <p>Callers are the hooks of {@link FieldHooks}; nothing here throws.
 */
final class PlainAccesses {
    /**
     * Set (and never reset) by the first mark: until checked code makes a plain {@code VarHandle}
     * call, the JDK's own plain accesses cost one static read. Each thread reads its own mark only
     * after setting this itself, so no other thread needs to see the write.
     */
    private static boolean anyMark;

    private PlainAccesses() {
    }

    /** Checked code is about to call a plain {@code VarHandle} access mode at {@code site}. */
    static void varHandleCall(int site) {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            anyMark = true;
            t.varHandleSite = site;
        }
    }

    /** That call returned. */
    static void varHandleReturned() {
        ThreadState t = Engine.THREADS.currentOrBusy();
        if (t != null && !t.insideRacedet) {
            t.varHandleSite = -1;
        }
    }

    /** The JDK's {@code VarHandle} implementation is about to access {@code holder} at {@code offset}. */
    static void varHandleField(Object holder, long offset, boolean write) {
        int site = takeSite();
        if (site >= 0) {
            field(holder, offset, site, write);
        }
    }

    /** The JDK's {@code VarHandle} implementation is about to access {@code array[index]}. */
    static void varHandleElement(Object array, int index, boolean write) {
        int site = takeSite();
        if (site >= 0) {
            element(array, index, site, write);
        }
    }

    /**
     * A plain {@code Unsafe} access at {@code site} of checked code: {@code base} is an object (a
     * field at {@code offset}) or an array (the element at {@code offset}); off-heap addresses
     * ({@code base == null}) and static fields ({@code base} a {@code Class}) are not checked.
     */
    static void unsafe(Object base, long offset, int site, boolean write) {
        if (base == null || base instanceof Class<?>) {
            return;
        }
        if (base.getClass().isArray()) {
            long index = indexAt(base, offset);
            if (index >= 0 && index <= Integer.MAX_VALUE) {
                element(base, (int) index, site, write);
            }
        } else {
            field(base, offset, site, write);
        }
    }

    /** The mark of the thread's current plain {@code VarHandle} call from checked code, removed; -1 if none. */
    private static int takeSite() {
        if (!anyMark) {
            return -1; // no checked code made a plain VarHandle call yet (and racedet's startup)
        }
        try {
            ThreadState t = Engine.THREADS.currentOrBusy();
            if (t == null || t.insideRacedet || t.varHandleSite < 0) {
                return -1; // the JDK's own use of VarHandle: the fast path
            }
            int site = t.varHandleSite;
            t.varHandleSite = -1;
            return site;
        } catch (Throwable e) {
            InternalErrors.record("plain VarHandle hook", e); // never into the JDK's code
            return -1;
        }
    }

    private static void field(Object holder, long offset, int site, boolean write) {
        if (holder == null) {
            return; // the access throws
        }
        int fieldId = fieldAt(holder, offset);
        if (fieldId == FieldLayouts.NONE) {
            return;
        }
        if (write) {
            FieldHooks.write(holder, fieldId, site);
        } else {
            FieldHooks.read(holder, fieldId, site);
        }
    }

    private static void element(Object array, int index, int site, boolean write) {
        if (write) {
            ArrayHooks.write(array, index, site);
        } else {
            ArrayHooks.read(array, index, site);
        }
    }

    /** The checked field at {@code offset} in {@code holder}, looked up inside racedet's guard. */
    private static int fieldAt(Object holder, long offset) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            return t == null ? FieldLayouts.NONE : Layouts.INSTANCE.fieldAt(holder.getClass(), offset);
        } catch (Throwable e) {
            InternalErrors.record("plain access by offset", e);
            return FieldLayouts.NONE;
        } finally {
            Engine.exit(t);
        }
    }

    private static long indexAt(Object array, long offset) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            return t == null ? -1 : Layouts.INSTANCE.indexAt(array.getClass(), offset);
        } catch (Throwable e) {
            InternalErrors.record("plain access by offset", e);
            return -1;
        } finally {
            Engine.exit(t);
        }
    }

    /** Created at the first lookup, from a hook inside racedet's guard: not while the JDK boots. */
    private static final class Layouts {
        static final FieldLayouts INSTANCE = new FieldLayouts();
    }
}
