package dev.racedet.it.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * JUnit test classes that {@link JunitProgram} runs under racedet (never this module's own tests:
 * nested classes are not picked up by Surefire). Each race is between two threads with no
 * happens-before order, whatever the timing.
 */
public final class JunitTargets {
    private JunitTargets() {
    }

    /** A plain field two threads write. */
    static final class Box {
        int value;
    }

    /** A race between the test thread and a thread the test started; a clean test next to it. */
    public static final class StartedThread {
        @Test
        void races_with_a_thread_it_started() throws InterruptedException {
            Box box = new Box();
            Thread other = new Thread(() -> box.value = 1, "started-by-test");
            other.start();
            box.value = 2;
            other.join();
        }

        @Test
        void does_not_race() throws InterruptedException {
            Box box = new Box();
            Thread other = new Thread(() -> box.value = 1, "started-by-clean-test");
            other.start();
            other.join();
            box.value = 2;
        }
    }

    /** A race between two pool threads running the test's tasks. */
    public static final class PoolTasks {
        @Test
        void races_in_pool_tasks() throws Exception {
            Box box = new Box();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> box.value = 1);
                Future<?> b = pool.submit(() -> box.value = 2);
                a.get();
                b.get();
            } finally {
                pool.shutdown();
            }
        }
    }

    /** A race in {@code @BeforeAll}: the class fails, its test does not. */
    public static final class RaceInBeforeAll {
        @BeforeAll
        static void setUp() throws InterruptedException {
            Box box = new Box();
            Thread other = new Thread(() -> box.value = 1, "started-in-before-all");
            other.start();
            box.value = 2;
            other.join();
        }

        @Test
        void does_not_race() {
            assertTrue(true);
        }
    }

    /**
     * The first test leaves two threads blocked on a pipe; the second wakes them through the pipe
     * (I/O: no happens-before edge) and they race. They race in the first test's threads after it
     * ended: reported at the end of the run, and neither test fails.
     */
    @TestMethodOrder(MethodOrderer.MethodName.class)
    public static final class LeakedThreads {
        static final Box BOX = new Box();
        static Pipe pipe;
        static Thread[] leaked;

        @Test
        void a_leaves_threads_running() throws Exception {
            pipe = Pipe.open();
            leaked = new Thread[] {waiter(1), waiter(2)};
        }

        @Test
        void b_wakes_them() throws Exception {
            pipe.sink().write(ByteBuffer.wrap(new byte[] {1, 2}));
            for (Thread t : leaked) {
                t.join();
            }
        }

        private static Thread waiter(int value) {
            Pipe.SourceChannel source = pipe.source();
            Thread t = new Thread(() -> {
                try {
                    source.read(ByteBuffer.allocate(1));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                BOX.value = value;
            }, "leaked-" + value);
            t.start();
            return t;
        }
    }

    /**
     * A user's extension registered for autodetection (this module's
     * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}): it must run only where
     * the user turned autodetection on, never because racedet registered its own extension.
     */
    public static final class UserExtension implements org.junit.jupiter.api.extension.BeforeAllCallback {
        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            System.out.println("user extension ran before " + context.getDisplayName());
        }
    }
}
