package dev.racedet.runtime;

/**
 * Hooks around the JDK's own machinery that the program never synchronizes through on purpose:
 * loading a class, linking a call site or method handle, interning a {@code MethodType}. That code
 * shares caches across threads ({@code ConcurrentHashMap}s, class loading locks), and whichever thread
 * links or loads second would otherwise be ordered after the first: an edge the program did not ask
 * for, which hides real races (a task's write and the submitter's unsynchronized read, for instance,
 * both linking {@code VarHandle} call sites through the {@code MethodType} intern table).
 *
 * <p>Inside such a scope the thread runs as racedet's own work, under the same reentrancy guard
 * ({@link Racedet#beginInternal}, see {@link Engine}): no access is checked and no synchronization
 * recorded. Code the scope calls back
 * (a class loader's {@code findClass}, a user bootstrap method) is not checked either.
 *
 * <p>Placement contract: {@link #enter} at the first instruction of the scoped method; {@link #exit}
 * with its result before every return and in a catch-all handler that rethrows.
 */
public final class ScopeHooks {
    private ScopeHooks() {
    }

    /**
     * Enters a JDK-internal scope.
     *
     * @return whether this call entered it (false when the thread already runs racedet's or the JDK's
     *         internal work); pass it to {@link #exit}
     */
    public static boolean enter() {
        return Racedet.beginInternal();
    }

    /** Leaves the scope {@link #enter} entered, if {@code entered}. */
    public static void exit(boolean entered) {
        try {
            Racedet.endInternal(entered);
        } catch (Throwable e) {
            InternalErrors.record("internal scope hook", e);
        }
    }
}
