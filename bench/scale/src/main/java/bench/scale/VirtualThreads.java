package bench.scale;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Scale: 100,000 virtual threads (JDK 21+; the set runs it on JDK 25) alive at once over shared data
 * under locks and private data ({@link SharedAndPrivate}). This is the size users reported trouble at:
 * racedet's per-thread state must stay bounded and its monitor hooks must not upset the JVM with
 * virtual threads. The sources stay at Java 17, so the virtual-thread executor is looked up
 * reflectively.
 *
 * <p>Usage: {@code VirtualThreads [threads] [rounds]} (default 100000 threads, 40 rounds each).
 */
public final class VirtualThreads {
    private VirtualThreads() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Method factory;
        try {
            factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            System.out.println("virtual threads need JDK 21 or later; this is " + System.getProperty("java.version"));
            System.exit(2);
            return;
        }
        ExecutorService executor = (ExecutorService) factory.invoke(null);
        SharedAndPrivate data = new SharedAndPrivate(threads, rounds);
        CountDownLatch gate = new CountDownLatch(1);
        Future<?>[] futures = new Future<?>[threads];
        for (int i = 0; i < threads; i++) {
            int id = i;
            futures[i] = executor.submit(() -> {
                gate.await();
                data.work(id);
                return null;
            });
        }
        gate.countDown();
        for (Future<?> f : futures) {
            f.get(); // rethrows a worker's failure; also orders its writes before the result
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("executor did not terminate");
        }
        System.out.println(data.result());
    }
}
