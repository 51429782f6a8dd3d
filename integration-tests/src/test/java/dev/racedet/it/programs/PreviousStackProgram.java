package dev.racedet.it.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A race whose previous access is two checked calls deep and made right after an exception unwound
 * through a checked method: its recorded stack must be exactly the write and its caller's line, with
 * no frame left over from the unwound call. The threads are ordered only by an opaque flag, which is
 * no happens-before edge, so the race is found on every run.
 */
public final class PreviousStackProgram {
    static int shared;
    static volatile Object sink;
    private static boolean done;
    private static final VarHandle DONE;

    static {
        try {
            DONE = MethodHandles.lookup().findStaticVarHandle(PreviousStackProgram.class, "done", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static void write() {
        shared = shared + 1; // WRITE
    }

    static void afterException() {
        try {
            thrower(); // THROWER CALL
        } catch (IllegalStateException expected) {
            sink = expected;
        }
        write(); // WRITE CALL AFTER EXCEPTION
    }

    static void thrower() {
        deeper(); // DEEPER CALL
    }

    static void deeper() {
        throw new IllegalStateException("unwinds two checked frames");
    }

    static void fromMain() {
        write(); // WRITE CALL FROM MAIN
    }

    public static void main(String[] args) throws Exception {
        Thread first = new Thread(() -> {
            afterException(); // FIRST THREAD CALL
            DONE.setOpaque(true);
        }, "first");
        first.start(); // START FIRST
        while (!(boolean) DONE.getOpaque()) {
            Thread.onSpinWait();
        }
        fromMain(); // MAIN CALL
        first.join();
    }
}
