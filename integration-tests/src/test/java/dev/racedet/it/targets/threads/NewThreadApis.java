package dev.racedet.it.targets.threads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * Reaches thread APIs newer than Java 17 ({@code Thread.Builder}, virtual threads,
 * {@code join(Duration)}) through method handles, so that the targets using them compile for
 * release 17. Callers must run on a JDK that has the API (targets say so with
 * {@code // REQUIRES-JDK: N}); otherwise these methods throw {@code UnsupportedOperationException}.
 */
public final class NewThreadApis {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

    private NewThreadApis() {
    }

    /** {@code Thread.ofVirtual().name(name).start(task)} (JDK 21). */
    public static Thread startVirtual(String name, Runnable task) {
        return startWithBuilder("ofVirtual", name, task);
    }

    /** {@code Thread.ofPlatform().name(name).start(task)} (JDK 21). */
    public static Thread startPlatform(String name, Runnable task) {
        return startWithBuilder("ofPlatform", name, task);
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21). */
    public static ExecutorService newVirtualThreadPerTaskExecutor() {
        try {
            MethodHandle factory = LOOKUP.findStatic(java.util.concurrent.Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
            return (ExecutorService) factory.invoke();
        } catch (Throwable t) {
            throw unsupported(t);
        }
    }

    /** {@code thread.join(timeout)} (JDK 19); returns whether the thread terminated. */
    public static boolean join(Thread thread, Duration timeout) throws InterruptedException {
        MethodHandle join;
        try {
            join = LOOKUP.findVirtual(Thread.class, "join", MethodType.methodType(boolean.class, Duration.class));
        } catch (ReflectiveOperationException e) {
            throw unsupported(e);
        }
        try {
            return (boolean) join.invoke(thread, timeout);
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Thread startWithBuilder(String kind, String name, Runnable task) {
        try {
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = LOOKUP.findStatic(Thread.class, kind,
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$" + (kind.equals("ofVirtual") ? "OfVirtual" : "OfPlatform")))).invoke();
            builder = LOOKUP.findVirtual(builderType, "name", MethodType.methodType(builderType, String.class))
                    .invoke(builder, name);
            return (Thread) LOOKUP.findVirtual(builderType, "start", MethodType.methodType(Thread.class, Runnable.class))
                    .invoke(builder, task);
        } catch (Throwable t) {
            throw unsupported(t);
        }
    }

    private static UnsupportedOperationException unsupported(Throwable cause) {
        return new UnsupportedOperationException("this JDK lacks the API: " + cause, cause);
    }
}
