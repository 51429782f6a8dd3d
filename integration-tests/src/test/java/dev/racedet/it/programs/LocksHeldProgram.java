package dev.racedet.it.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A write under one monitor races with a read under another: each side of the report names the
 * monitors its thread held. The threads are ordered only by an opaque flag (no happens-before edge).
 */
public final class LocksHeldProgram {
    /** A lock of its own class, so reports can be checked for its name. */
    static final class WriterGuard {
    }

    static final class ReaderGuard {
    }

    static int shared;
    private static final WriterGuard WRITER_LOCK = new WriterGuard();
    private static final ReaderGuard READER_LOCK = new ReaderGuard();
    private static boolean done;
    private static final VarHandle DONE;

    static {
        try {
            DONE = MethodHandles.lookup().findStaticVarHandle(LocksHeldProgram.class, "done", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static synchronized void writeHoldingClassMonitor() {
        synchronized (WRITER_LOCK) {
            shared = 42; // WRITE
        }
    }

    static int readUnderOtherLock() {
        synchronized (READER_LOCK) {
            return shared; // READ
        }
    }

    public static void main(String[] args) throws Exception {
        Thread writer = new Thread(() -> {
            writeHoldingClassMonitor();
            DONE.setOpaque(true);
        }, "writer");
        writer.start();
        while (!(boolean) DONE.getOpaque()) {
            Thread.onSpinWait();
        }
        System.out.println(readUnderOtherLock());
        writer.join();
    }
}
