package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The one facade instrumented code calls. Every method is static, takes int ids computed at
 * instrumentation time, and never throws anything of its own: a failure inside racedet is counted
 * by {@link InternalErrors} and the application goes on. The methods that replace a call
 * ({@link #wait(Object)}, {@link #join(Thread)}, {@link #lock(Lock)}, ...) throw exactly what the
 * replaced call throws.
 *
 * <p>Placement contract with the instrumentation: acquire-side hooks run after the real acquire
 * (monitor entered, volatile read, lock taken), release-side hooks before the real release.
 */
public final class Racedet {
    private static final ReportOutput OUTPUT = new ReportOutput();
    private static final Threads THREADS = new Threads();
    private static final Shadows SHADOWS = new Shadows();
    private static final Locks LOCKS = new Locks();
    private static final RaceReporter REPORTER = new RaceReporter();
    private static final Detector DETECTOR = new Detector(REPORTER);

    private Racedet() {
    }

    // ---- plain fields -------------------------------------------------------------------------

    /** Before GETFIELD of a plain field, in code of a class other than the field's declaring class. */
    public static void read(Object owner, int fieldId, int siteId) {
        try {
            if (owner != null) {
                ThreadState t = THREADS.current();
                DETECTOR.read(t, SHADOWS.field(owner, fieldId), siteId);
                printPending(t);
            }
        } catch (Throwable e) {
            InternalErrors.record("read hook", e);
        }
    }

    /** Before PUTFIELD of a plain field, in code of a class other than the field's declaring class. */
    public static void write(Object owner, int fieldId, int siteId) {
        try {
            if (owner != null) {
                ThreadState t = THREADS.current();
                DETECTOR.write(t, SHADOWS.field(owner, fieldId), siteId);
                printPending(t);
            }
        } catch (Throwable e) {
            InternalErrors.record("write hook", e);
        }
    }

    /**
     * Before GETFIELD of a plain field, in code of the field's declaring class, which passes the
     * shadow field it read inline ({@code null} until the first access installs it).
     */
    public static void read(Object owner, VarState shadow, int fieldId, int siteId) {
        try {
            if (owner != null) {
                ThreadState t = THREADS.current();
                DETECTOR.read(t, SHADOWS.field(owner, shadow, fieldId), siteId);
                printPending(t);
            }
        } catch (Throwable e) {
            InternalErrors.record("read hook", e);
        }
    }

    /** Before PUTFIELD of a plain field, in code of the field's declaring class. */
    public static void write(Object owner, VarState shadow, int fieldId, int siteId) {
        try {
            if (owner != null) {
                ThreadState t = THREADS.current();
                DETECTOR.write(t, SHADOWS.field(owner, shadow, fieldId), siteId);
                printPending(t);
            }
        } catch (Throwable e) {
            InternalErrors.record("write hook", e);
        }
    }

    /** After GETSTATIC of a plain static field declared by class {@code classId}. */
    public static void readStatic(int fieldId, int siteId, int classId) {
        try {
            ThreadState t = THREADS.current();
            useClass(t, classId);
            DETECTOR.read(t, SHADOWS.staticField(fieldId), siteId);
            printPending(t);
        } catch (Throwable e) {
            InternalErrors.record("static read hook", e);
        }
    }

    /** After PUTSTATIC of a plain static field declared by class {@code classId}. */
    public static void writeStatic(int fieldId, int siteId, int classId) {
        try {
            ThreadState t = THREADS.current();
            useClass(t, classId);
            DETECTOR.write(t, SHADOWS.staticField(fieldId), siteId);
            printPending(t);
        } catch (Throwable e) {
            InternalErrors.record("static write hook", e);
        }
    }

    /**
     * Prints the reports the detector produced during this access, now that it holds no lock: printing
     * under a field's lock could deadlock with a thread that holds the stream's lock.
     */
    private static void printPending(ThreadState t) {
        if (t.pendingOutput != null) {
            String text = t.pendingOutput;
            t.pendingOutput = null;
            OUTPUT.print(text);
            Lifecycle.racesChanged();
        }
    }

    // ---- volatile fields ----------------------------------------------------------------------

    /** After GETFIELD of a volatile field: acquires what writers of that field released. */
    public static void volatileRead(Object owner, int fieldId) {
        try {
            if (owner != null) {
                DETECTOR.acquire(THREADS.current(), SHADOWS.volatileField(owner, fieldId));
            }
        } catch (Throwable e) {
            InternalErrors.record("volatile read hook", e);
        }
    }

    /** Before PUTFIELD of a volatile field. */
    public static void volatileWrite(Object owner, int fieldId) {
        try {
            if (owner != null) {
                DETECTOR.release(THREADS.current(), SHADOWS.volatileField(owner, fieldId));
            }
        } catch (Throwable e) {
            InternalErrors.record("volatile write hook", e);
        }
    }

    /** After GETSTATIC of a volatile static field declared by class {@code classId}. */
    public static void volatileReadStatic(int fieldId, int classId) {
        try {
            ThreadState t = THREADS.current();
            useClass(t, classId);
            DETECTOR.acquire(t, SHADOWS.staticVolatile(fieldId));
        } catch (Throwable e) {
            InternalErrors.record("static volatile read hook", e);
        }
    }

    /** Before PUTSTATIC of a volatile static field (the class use is recorded after it). */
    public static void volatileWriteStatic(int fieldId) {
        try {
            DETECTOR.release(THREADS.current(), SHADOWS.staticVolatile(fieldId));
        } catch (Throwable e) {
            InternalErrors.record("static volatile write hook", e);
        }
    }

    // ---- class initialization -----------------------------------------------------------------

    /** Before each return of the static initializer of class {@code classId}. */
    public static void classInitialized(int classId) {
        try {
            DETECTOR.classInitialized(THREADS.current(), SHADOWS.classInit(classId));
        } catch (Throwable e) {
            InternalErrors.record("class initialization hook", e);
        }
    }

    /** After an instruction that needs class {@code classId} initialized (e.g. GETSTATIC of a final). */
    public static void classUse(int classId) {
        try {
            useClass(THREADS.current(), classId);
        } catch (Throwable e) {
            InternalErrors.record("class use hook", e);
        }
    }

    private static void useClass(ThreadState t, int classId) {
        if (!t.hasSeenClass(classId)) {
            DETECTOR.classUsed(t, classId, SHADOWS.classInit(classId));
        }
    }

    // ---- monitors -----------------------------------------------------------------------------

    /** After MONITORENTER, and at the start of a synchronized method. */
    public static void monitorEnter(Object lock) {
        try {
            if (lock != null) {
                DETECTOR.acquire(THREADS.current(), SHADOWS.monitor(lock));
            }
        } catch (Throwable e) {
            InternalErrors.record("monitor enter hook", e);
        }
    }

    /** Before MONITOREXIT, and before every exit of a synchronized method. */
    public static void monitorExit(Object lock) {
        try {
            if (lock != null) {
                DETECTOR.release(THREADS.current(), SHADOWS.monitor(lock));
            }
        } catch (Throwable e) {
            InternalErrors.record("monitor exit hook", e);
        }
    }

    /** Replaces {@code o.wait()}: the wait releases and then re-acquires the monitor. */
    public static void wait(Object o) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait();
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    /** Replaces {@code o.wait(millis)}. */
    public static void wait(Object o, long millis) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait(millis);
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    /** Replaces {@code o.wait(millis, nanos)}. */
    public static void wait(Object o, long millis, int nanos) throws InterruptedException {
        boolean held = releaseForWait(o);
        try {
            o.wait(millis, nanos);
        } finally {
            reacquireAfterWait(o, held);
        }
    }

    private static boolean releaseForWait(Object o) {
        // Without the monitor the real wait throws IllegalMonitorStateException: no edge then.
        boolean held = o != null && Thread.holdsLock(o);
        if (held) {
            monitorExit(o);
        }
        return held;
    }

    private static void reacquireAfterWait(Object o, boolean held) {
        if (held) {
            monitorEnter(o);
        }
    }

    // ---- threads ------------------------------------------------------------------------------

    /** Replaces {@code t.join()}. */
    public static void join(Thread t) throws InterruptedException {
        t.join();
        joined(t);
    }

    /** Replaces {@code t.join(millis)}: an edge only if the thread really terminated. */
    public static void join(Thread t, long millis) throws InterruptedException {
        t.join(millis);
        joined(t);
    }

    /** Replaces {@code t.join(millis, nanos)}. */
    public static void join(Thread t, long millis, int nanos) throws InterruptedException {
        t.join(millis, nanos);
        joined(t);
    }

    private static void joined(Thread t) {
        try {
            if (!t.isAlive()) {
                ThreadState child = THREADS.find(t);
                if (child != null) {
                    DETECTOR.join(THREADS.current(), child);
                }
            }
        } catch (Throwable e) {
            InternalErrors.record("thread join hook", e);
        }
    }

    // ---- thread life cycle, called from inside java.lang.Thread / java.lang.VirtualThread -------

    /**
     * Called inside the JDK's own start code, by the starting thread, once the start has passed its
     * "not started yet" check and under the exclusion that check needs (before {@code start0()} in
     * {@code java.lang.Thread}, after the NEW-to-STARTED transition in {@code java.lang.VirtualThread}):
     * everything the starter did so far happens-before {@code child}.
     */
    public static void threadStarting(Thread child) {
        try {
            if (child != null) {
                DETECTOR.fork(THREADS.current(), THREADS.of(child));
            }
        } catch (Throwable e) {
            InternalErrors.record("thread start hook", e);
        }
    }

    /**
     * Inside {@code ApplicationShutdownHooks.add}, once {@code hook} is registered: the registrar's
     * actions happen-before the hook, which the JVM starts at shutdown after taking the registry's
     * monitor.
     */
    public static void shutdownHookAdded(Thread hook) {
        try {
            if (hook != null) {
                DETECTOR.handOver(THREADS.current(), THREADS.of(hook));
            }
        } catch (Throwable e) {
            InternalErrors.record("shutdown hook registration hook", e);
        }
    }

    /** At entry of {@code Thread.exit()} (platform threads), on the terminating thread itself. */
    public static void threadExit() {
        try {
            DETECTOR.terminate(THREADS.current());
        } catch (Throwable e) {
            InternalErrors.record("thread exit hook", e);
        }
    }

    /**
     * At entry of {@code VirtualThread.run(Runnable)}: returns the task the virtual thread runs instead,
     * which runs {@code task} and then records the thread's termination ({@link #threadExit}).
     */
    public static Runnable virtualThreadTask(Runnable task) {
        return task == null ? null : new VirtualThreadTask(task);
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

    /**
     * Diagnostic: the largest value a thread's clock may reach before the thread moves to a new clock
     * slot (default 2^40 - 1). Called by the agent at startup, before any class is instrumented.
     *
     * @throws IllegalArgumentException if {@code limit} is below 2 or above 2^40 - 1
     */
    public static void setClockLimit(long limit) {
        DETECTOR.slots().setClockLimit(limit);
    }

    // ---- java.util.concurrent.locks calls from instrumented code -------------------------------

    /** Replaces {@code lock.lock()}. */
    public static void lock(Lock lock) {
        lock.lock();
        lockAcquired(lock);
    }

    /** Replaces {@code lock.lockInterruptibly()}. */
    public static void lockInterruptibly(Lock lock) throws InterruptedException {
        lock.lockInterruptibly();
        lockAcquired(lock);
    }

    /** Replaces {@code lock.tryLock()}. */
    public static boolean tryLock(Lock lock) {
        boolean acquired = lock.tryLock();
        if (acquired) {
            lockAcquired(lock);
        }
        return acquired;
    }

    /** Replaces {@code lock.tryLock(time, unit)}. */
    public static boolean tryLock(Lock lock, long time, TimeUnit unit) throws InterruptedException {
        boolean acquired = lock.tryLock(time, unit);
        if (acquired) {
            lockAcquired(lock);
        }
        return acquired;
    }

    /** Replaces {@code lock.unlock()}. */
    public static void unlock(Lock lock) {
        lockReleasing(lock);
        lock.unlock();
    }

    /** Replaces {@code condition.await()}: the wait releases and then re-acquires the lock. */
    public static void await(Condition condition) throws InterruptedException {
        Object lock = releaseForAwait(condition);
        try {
            condition.await();
        } finally {
            reacquireAfterAwait(lock);
        }
    }

    /** Replaces {@code condition.awaitUninterruptibly()}. */
    public static void awaitUninterruptibly(Condition condition) {
        Object lock = releaseForAwait(condition);
        try {
            condition.awaitUninterruptibly();
        } finally {
            reacquireAfterAwait(lock);
        }
    }

    /** Replaces {@code condition.awaitNanos(nanos)}. */
    public static long awaitNanos(Condition condition, long nanos) throws InterruptedException {
        Object lock = releaseForAwait(condition);
        try {
            return condition.awaitNanos(nanos);
        } finally {
            reacquireAfterAwait(lock);
        }
    }

    /** Replaces {@code condition.await(time, unit)}. */
    public static boolean await(Condition condition, long time, TimeUnit unit) throws InterruptedException {
        Object lock = releaseForAwait(condition);
        try {
            return condition.await(time, unit);
        } finally {
            reacquireAfterAwait(lock);
        }
    }

    /** Replaces {@code condition.awaitUntil(deadline)}. */
    public static boolean awaitUntil(Condition condition, Date deadline) throws InterruptedException {
        Object lock = releaseForAwait(condition);
        try {
            return condition.awaitUntil(deadline);
        } finally {
            reacquireAfterAwait(lock);
        }
    }

    /** After {@code lock.newCondition()} returned {@code condition}. */
    public static void conditionCreated(Object lock, Object condition) {
        try {
            if (lock != null && condition != null) {
                LOCKS.bindCondition(condition, lock);
            }
        } catch (Throwable e) {
            InternalErrors.record("condition hook", e);
        }
    }

    /** After {@code readWriteLock.readLock()} returned {@code lock}. */
    public static void readLockOf(Object readWriteLock, Object lock) {
        bindRole(readWriteLock, lock, true);
    }

    /** After {@code readWriteLock.writeLock()} returned {@code lock}. */
    public static void writeLockOf(Object readWriteLock, Object lock) {
        bindRole(readWriteLock, lock, false);
    }

    private static void bindRole(Object readWriteLock, Object lock, boolean read) {
        try {
            if (readWriteLock != null && lock != null) {
                LOCKS.bindRole(readWriteLock, lock, read);
            }
        } catch (Throwable e) {
            InternalErrors.record("read-write lock hook", e);
        }
    }

    private static Object releaseForAwait(Condition condition) {
        Object lock = null;
        try {
            lock = condition == null ? null : LOCKS.lockOf(condition);
        } catch (Throwable e) {
            InternalErrors.record("condition hook", e);
        }
        if (lock != null) {
            lockReleasing(lock);
        }
        return lock;
    }

    private static void reacquireAfterAwait(Object lock) {
        if (lock != null) {
            lockAcquired(lock);
        }
    }

    private static void lockAcquired(Object lock) {
        try {
            LOCKS.acquired(DETECTOR, THREADS.current(), lock);
        } catch (Throwable e) {
            InternalErrors.record("lock hook", e);
        }
    }

    private static void lockReleasing(Object lock) {
        try {
            LOCKS.releasing(DETECTOR, THREADS.current(), lock);
        } catch (Throwable e) {
            InternalErrors.record("unlock hook", e);
        }
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    /**
     * Does nothing but make the JVM load and initialize the runtime now, from the agent, rather than
     * inside the first instrumented access.
     */
    public static void initialize() {
        // the work is done by this class's static initializer
    }

    /** Vector clock slots created so far (see {@code Slots}). */
    static int clockSlots() {
        return DETECTOR.slots().created();
    }

    static ReportOutput output() {
        return OUTPUT;
    }

    static RaceReporter reporter() {
        return REPORTER;
    }
}
