package dev.racedet.it.targets.threads;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Race: a daemon thread writes a field and signals through an opaque flag, which orders nothing;
 * main waits for the flag (opaque accesses are eventually visible, so the wait ends) and reads the
 * field. The daemon then parks until the JVM exits and is never joined, so no later edge exists.
 */
public class DaemonThreadRace {
    private static final VarHandle DONE;

    static {
        try {
            DONE = MethodHandles.lookup().findVarHandle(DaemonThreadRace.class, "done", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean done;
    private int status;

    public static void main(String[] args) {
        DaemonThreadRace state = new DaemonThreadRace();
        Thread daemon = new Thread(() -> {
            state.status = 1; // RACE
            DONE.setOpaque(state, true);
            while (true) {
                LockSupport.park();
            }
        }, "daemon");
        daemon.setDaemon(true);
        daemon.start();
        while (!(boolean) DONE.getOpaque(state)) {
            Thread.onSpinWait();
        }
        int seen = state.status; // RACE
        if (seen != 0 && seen != 1) {
            throw new AssertionError("impossible value");
        }
    }
}
