package dev.racedet.it.targets;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a handful of tasks on freshly started platform threads so that their bodies overlap.
 *
 * <p>Every target program of the validation suite launches its racing threads through
 * {@link #race(Runnable...)}. The threads are named {@code racer-1}, {@code racer-2}, ... in the
 * order of the tasks.
 *
 * <p><b>Why a start gate.</b> Each racer first waits on a {@link CountDownLatch} that the caller only
 * opens once <em>all</em> racers have been started. Without it, a short task could run to completion,
 * and its thread could terminate, before the caller has even started the next racer. On JDK 17 a
 * thread's exit ({@code ThreadGroup.threadTerminated}) and a later {@code Thread.start}
 * ({@code ThreadGroup.add}) both take the same {@code ThreadGroup} monitor, so a detector that honors
 * JDK-internal monitors would see an ordering edge "racer 1 finished, then racer 2 started" and would
 * rightly stay silent about an intended race. With the gate every start happens before any task body
 * runs, and the only edges between the racers are the ones the target program creates itself.
 * (CountDownLatch is not modeled by the detector, so the gate itself adds no edge.)
 *
 * <p>Code of the caller that runs before {@code race} is ordered before every racer (Thread.start),
 * and code after it returns is ordered after every racer (Thread.join).
 *
 * <p>Racing tasks must not print: {@code PrintStream} methods are synchronized, and a shared monitor
 * would order the racers.
 */
public final class Racers {

    /** A task body that may throw checked exceptions (wait, join, lockInterruptibly, ...). */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private Racers() {
    }

    /** Adapts a {@link Task} to a {@link Runnable}, wrapping any checked exception. */
    public static Runnable unchecked(Task task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        };
    }

    /**
     * Starts one thread per task, releases them all at once, and waits for every one of them.
     * If any task threw, the first failure (in task order) is rethrown wrapped in a
     * RuntimeException once all threads have been joined.
     */
    public static void race(Runnable... tasks) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Throwable[] failures = new Throwable[tasks.length];
        Thread[] threads = new Thread[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            Runnable task = tasks[i];
            int slot = i;
            threads[i] = new Thread(() -> {
                try {
                    gate.await();
                    task.run();
                } catch (Throwable t) {
                    failures[slot] = t;
                }
            }, "racer-" + (i + 1));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        gate.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                throw new RuntimeException(threads[i].getName() + " failed", failures[i]);
            }
        }
    }
}
