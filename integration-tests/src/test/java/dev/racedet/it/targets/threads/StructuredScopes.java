package dev.racedet.it.targets.threads;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Reaches {@code java.util.concurrent.StructuredTaskScope} (a preview API of JDK 25, JEP 505)
 * reflectively, so that the targets using it compile for release 17. Callers run on JDK 25 with
 * {@code --enable-preview} (targets say so with {@code // REQUIRES-JDK: 25} and
 * {@code // JVM-ARGS: --enable-preview}). A scope forks each subtask in a new virtual thread;
 * {@code join} waits for all of them.
 */
public final class StructuredScopes implements AutoCloseable {
    private final Object scope;

    private StructuredScopes(Object scope) {
        this.scope = scope;
    }

    /** {@code StructuredTaskScope.open()}: join waits for every subtask to succeed. */
    public static StructuredScopes open() throws Exception {
        Class<?> type = Class.forName("java.util.concurrent.StructuredTaskScope");
        return new StructuredScopes(type.getMethod("open").invoke(null));
    }

    /**
     * {@code StructuredTaskScope.open(Joiner.awaitAllSuccessfulOrThrow(),
     * cf -> cf.withThreadFactory(Thread.ofPlatform().factory()))}: subtasks run in platform threads.
     */
    public static StructuredScopes openWithPlatformThreads() throws Exception {
        Class<?> type = Class.forName("java.util.concurrent.StructuredTaskScope");
        Class<?> joiner = Class.forName("java.util.concurrent.StructuredTaskScope$Joiner");
        Class<?> config = Class.forName("java.util.concurrent.StructuredTaskScope$Configuration");
        Object builder = Thread.class.getMethod("ofPlatform").invoke(null);
        ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        Method withFactory = config.getMethod("withThreadFactory", ThreadFactory.class);
        Function<Object, Object> configure = cf -> {
            try {
                return withFactory.invoke(cf, factory);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        Object all = joiner.getMethod("awaitAllSuccessfulOrThrow").invoke(null);
        return new StructuredScopes(type.getMethod("open", joiner, Function.class).invoke(null, all, configure));
    }

    /** {@code scope.fork(task)}: starts {@code task} in a new thread of the scope's factory. */
    public void fork(Callable<?> task) throws Exception {
        call("fork", new Class<?>[] {Callable.class}, task);
    }

    /** {@code scope.join()}: waits for every forked subtask. */
    public void join() throws Exception {
        call("join", new Class<?>[0]);
    }

    @Override
    public void close() throws Exception {
        call("close", new Class<?>[0]);
    }

    private void call(String name, Class<?>[] types, Object... args) throws Exception {
        Method m = Class.forName("java.util.concurrent.StructuredTaskScope").getMethod(name, types);
        try {
            m.invoke(scope, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
