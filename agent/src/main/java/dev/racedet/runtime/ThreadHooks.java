package dev.racedet.runtime;

import static dev.racedet.runtime.Engine.DETECTOR;
import static dev.racedet.runtime.Engine.SHADOWS;
import static dev.racedet.runtime.Engine.THREADS;

import dev.racedet.runtime.engine.ThreadState;

/**
 * Hooks of the thread life cycle, called from inside {@code java.lang.Thread},
 * {@code java.lang.VirtualThread} and {@code java.lang.ApplicationShutdownHooks} (see the agent's
 * {@code JdkThreadHooks}), so they hold for every caller: a method reference, a JDK pool, a
 * {@code Thread} subclass. Also the replacement of {@code Thread.sleep}, whose interruption the JVM
 * detects natively. Never throws anything of its own.
 */
public final class ThreadHooks {
    /** The offset of {@code Thread.interrupted}, the location {@code interrupt()} releases into. */
    /**
     * The location, in a thread container, of its exited threads' clocks: no field has this offset
     * (offsets are non-negative), so it is apart from the container's own fields.
     */
    private static final long CONTAINER_EXITS = -1L;
    private static final int INTERRUPTED_FIELD = Registry.fieldId("java.lang.Thread", "interrupted", "Z");

    private ThreadHooks() {
    }

    /**
     * Called inside the JDK's own start code, by the starting thread, once the start has passed its
     * "not started yet" check and under the exclusion that check needs (before {@code start0()} in
     * {@code java.lang.Thread}, after the NEW-to-STARTED transition in {@code java.lang.VirtualThread}):
     * everything the starter did so far happens-before {@code child}.
     */
    public static void threadStarting(Thread child) {
        if (child == null) {
            return;
        }
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                DETECTOR.fork(t, THREADS.of(child));
            }
        } catch (Throwable e) {
            InternalErrors.record("thread start hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * Inside {@code ApplicationShutdownHooks.add}, once {@code hook} is registered: the registrar's
     * actions happen-before the hook, which the JVM starts at shutdown.
     */
    public static void shutdownHookAdded(Thread hook) {
        if (hook == null) {
            return;
        }
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                DETECTOR.handOver(t, THREADS.of(hook));
            }
        } catch (Throwable e) {
            InternalErrors.record("shutdown hook registration hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** At entry of {@code Thread.exit()} (platform threads), on the terminating thread itself. */
    public static void threadExit() {
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                DETECTOR.terminate(t);
                ArrayCache.clear(t);
                LocationCache.clear(t);
                dev.racedet.runtime.engine.HeldLocks.forgetCachedClocks(t);
            }
        } catch (Throwable e) {
            InternalErrors.record("thread exit hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * At entry of {@code VirtualThread.afterYield()}, on the carrier, once {@code thread} is unmounted
     * and before it can be mounted again: it gives its clock slot back while it is parked, blocked
     * on a monitor or waiting ({@link dev.racedet.runtime.engine.Detector#detach}). A program may
     * keep 100,000 virtual threads waiting at once (on a latch, a queue, a socket); with a slot each,
     * every clock would grow as wide as the threads waiting, and memory with their square. Takes no
     * lock: this runs on a carrier.
     */
    public static void virtualThreadUnmounted(Thread thread) {
        try {
            if (thread != null && THREADS.onSchedulerThread()) {
                ThreadState t = THREADS.find(thread);
                if (t != null) {
                    DETECTOR.detach(t);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("virtual thread unmount hook", e);
        }
    }

    /**
     * At entry of {@code VirtualThread.run(Runnable)}: returns the task the virtual thread runs instead,
     * which runs {@code task} and then records the thread's termination ({@link #threadExit}).
     */
    public static Runnable virtualThreadTask(Runnable task) {
        return task == null ? null : new VirtualThreadTask(task);
    }

    /**
     * At the entry of {@code ThreadFlock.onExit(thread)}: the terminated {@code thread} is counted
     * out of the flock {@code container}; its final clock goes to the location the owner acquires
     * when its wait returns ({@link #containerAwaited}).
     *
     * <p>For a virtual thread, the JDK runs this on the carrier after the thread ended, where
     * racedet takes no lock ({@link Threads#isSchedulerThread}). So the exit is only put on a
     * lock-free list here, and moved into the container's clock by the owner, before its wait
     * returns.
     */
    public static void threadCountedOut(Object container, Thread thread) {
        if (container == null || thread == null) {
            return;
        }
        ThreadState t = null;
        try {
            boolean scheduler = THREADS.onSchedulerThread();
            t = scheduler ? null : Engine.enter();
            if (scheduler || t != null) {
                ThreadState exited = THREADS.find(thread);
                if (exited != null) {
                    CountedOut head;
                    do {
                        head = COUNTED_OUT.get();
                    } while (!COUNTED_OUT.compareAndSet(head, new CountedOut(container, exited, head)));
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("thread container hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** A thread counted out of a flock, not yet moved into the flock's clock: a lock-free stack. */
    private record CountedOut(Object container, ThreadState exited, CountedOut next) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<CountedOut> COUNTED_OUT =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Before {@code ThreadFlock.awaitAll} or {@code close} returns in the owner: it is ordered after
     * every thread counted out of {@code container} so far. The exits still on the list (of any
     * flock) are moved into their flocks' clocks first: each was put there before its flock's count
     * went down, so those the owner waited for are among them.
     */
    public static void containerAwaited(Object container) {
        if (container != null) {
            moveCountedOut();
            SyncEvents.acquire(SyncEvents.LOCATION, container, CONTAINER_EXITS);
        }
    }

    private static void moveCountedOut() {
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null) {
                for (CountedOut e = COUNTED_OUT.getAndSet(null); e != null; e = e.next()) {
                    DETECTOR.countedOut(e.exited(), SHADOWS.location(e.container(), CONTAINER_EXITS));
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("thread container hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /**
     * Before {@code Thread.isAlive()} returns {@code alive} for {@code thread}: a thread seen dead has
     * terminated, and everything it did happens-before (JLS 17.4.4).
     */
    public static void aliveChecked(boolean alive, Thread thread) {
        if (!alive) {
            terminationSeen(thread);
        }
    }

    /** Before {@code Thread.getState()} returns {@code state}: TERMINATED is like a false isAlive. */
    public static void stateChecked(Thread.State state, Thread thread) {
        if (state == Thread.State.TERMINATED) {
            terminationSeen(thread);
        }
    }

    /**
     * Before every return of a {@code Thread.join} overload on {@code thread}: if the join ended
     * because the thread terminated (and not because it timed out), the termination happens-before.
     */
    public static void joinReturned(Thread thread) {
        if (thread != null && !thread.isAlive()) {
            terminationSeen(thread);
        }
    }

    private static void terminationSeen(Thread thread) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            if (t != null && thread != null) {
                ThreadState joined = THREADS.find(thread);
                if (joined != null && joined != t) {
                    DETECTOR.join(t, joined);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("thread termination hook", e);
        } finally {
            Engine.exit(t);
        }
    }

    /** Replaces {@code Thread.sleep(millis)}: an interruption it reports happens-after the interrupt. */
    public static void sleep(long millis) throws InterruptedException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            interruptDetected();
            throw e;
        }
    }

    /** Replaces {@code Thread.sleep(millis, nanos)}. */
    public static void sleep(long millis, int nanos) throws InterruptedException {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            interruptDetected();
            throw e;
        }
    }

    /**
     * The current thread detected its interruption natively (an InterruptedException from a wait or
     * a sleep): it acquires what {@code interrupt()} released into the thread's {@code interrupted}
     * field (JLS 17.4.4: an interrupt happens-before the interrupted thread detects it).
     */
    static void interruptDetected() {
        SyncEvents.acquire(SyncEvents.FIELD, Thread.currentThread(), INTERRUPTED_FIELD);
    }

    /** A virtual thread's task, followed by the thread's termination. */
    private static final class VirtualThreadTask implements Runnable {
        private final Runnable task;

        VirtualThreadTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                task.run();
            } finally {
                threadExit();
            }
        }
    }
}
