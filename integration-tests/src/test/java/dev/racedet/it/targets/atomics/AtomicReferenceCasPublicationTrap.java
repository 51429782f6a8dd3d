package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trap: copy-on-write updates of an immutable-by-convention snapshot through
 * {@code AtomicReference.compareAndSet}. Each updater reads the current snapshot, builds a new one
 * (plain field writes) and publishes it with a CAS; a successful CAS has volatile read and write
 * semantics, so every snapshot's fields are ordered before whoever reads that snapshot later.
 */
public class AtomicReferenceCasPublicationTrap {
    static final class Snapshot {
        int version;
        long total;
    }

    public static void main(String[] args) throws Exception {
        AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot());
        Runnable add = () -> {
            for (int i = 0; i < 500; i++) {
                while (true) {
                    Snapshot old = current.get();
                    Snapshot next = new Snapshot();
                    next.version = old.version + 1;
                    next.total = old.total + 3;
                    if (current.compareAndSet(old, next)) {
                        break;
                    }
                }
            }
        };
        Racers.race(add, add);
        if (current.get().version != 1000 || current.get().total != 3000) {
            throw new AssertionError("lost update");
        }
    }
}
