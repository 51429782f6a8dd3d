package bench.objects;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank account for {@link LockTransfers}: guarded by its own {@link ReentrantLock}, which every
 * caller that touches the balance holds.
 */
final class LockAccount {

    private final int id;
    private final ReentrantLock lock = new ReentrantLock();
    private long balance;
    private int transactions;

    LockAccount(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    int getId() {
        return id;
    }

    ReentrantLock getLock() {
        return lock;
    }

    /** Caller holds {@link #getLock()}. */
    long getBalance() {
        return balance;
    }

    /** Caller holds {@link #getLock()}. */
    int getTransactions() {
        return transactions;
    }

    /** Caller holds {@link #getLock()}. */
    void deposit(long amount) {
        balance += amount;
        transactions++;
    }

    /** Caller holds {@link #getLock()}. Overdrafts are allowed. */
    void withdraw(long amount) {
        balance -= amount;
        transactions++;
    }

    /** A consistent snapshot for audits. */
    long balanceSnapshot() {
        lock.lock();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }
}
