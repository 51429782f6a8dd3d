package dev.racedet.it.targets.juc;

import dev.racedet.it.corpus.lib.LockLibrary;
import dev.racedet.it.targets.Racers;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Trap: locks and a condition handed out by library code ({@link LockLibrary}, an unchecked class
 * standing for a third-party library) and by a factory method of another class here
 * ({@link Guards}). The application never calls {@code readLock()}, {@code writeLock()} or
 * {@code newCondition()} itself. Writers use the write lock, readers the read lock of the same
 * {@code ReentrantReadWriteLock}; a consumer waits on the condition for a flag set under its mutex.
 */
public class LockFromLibraryTrap {
    /** Another class of the application that hands out locks. */
    static final class Guards {
        static Lock forWriting() {
            return LockLibrary.writeLockOf("inventory");
        }

        static Lock forReading() {
            return LockLibrary.readLockOf("inventory");
        }
    }

    private int stock;
    private boolean ready;
    private String note;

    public static void main(String[] args) throws Exception {
        LockFromLibraryTrap state = new LockFromLibraryTrap();
        Lock mutex = LockLibrary.mutexOf("handoff");
        Condition readyChanged = LockLibrary.conditionOf("handoff");
        int[] seen = new int[2];
        Racers.race(
                () -> {
                    for (int i = 0; i < 200; i++) {
                        Lock w = Guards.forWriting();
                        w.lock();
                        try {
                            state.stock++;
                        } finally {
                            w.unlock();
                        }
                    }
                    mutex.lock();
                    try {
                        state.note = "restocked";
                        state.ready = true;
                        readyChanged.signalAll();
                    } finally {
                        mutex.unlock();
                    }
                },
                () -> {
                    for (int i = 0; i < 200; i++) {
                        Lock r = Guards.forReading();
                        r.lock();
                        try {
                            seen[0] = Math.max(seen[0], state.stock);
                        } finally {
                            r.unlock();
                        }
                    }
                },
                Racers.unchecked(() -> {
                    mutex.lock();
                    try {
                        while (!state.ready) {
                            readyChanged.await();
                        }
                        seen[1] = state.note.length();
                    } finally {
                        mutex.unlock();
                    }
                }));
        if (state.stock != 200 || seen[1] != 9) {
            throw new AssertionError("locks broken");
        }
    }
}
