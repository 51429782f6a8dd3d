package dev.racedet.runtime.engine;

/**
 * The vector clock of one synchronization object: a monitor, a volatile field, a lock, a class
 * initialization, a terminated thread. Releases join into it and acquires join out of it, both under
 * this object's own lock, so any number of threads may use it at once.
 */
public final class SyncClock {
    private final VectorClock clock = new VectorClock();

    /** Joins {@code from} into this clock (a release). */
    public synchronized void joinFrom(VectorClock from) {
        clock.join(from);
    }

    /** Joins this clock into {@code into} (an acquire). */
    public synchronized void joinInto(VectorClock into) {
        into.join(clock);
    }

    @Override
    public synchronized String toString() {
        return clock.toString();
    }
}
