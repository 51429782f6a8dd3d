package bench.objects;

import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transfers of {@link SyncTransfers} with a {@link ReentrantLock} per account instead of its
 * monitor, in the two ways such code avoids deadlock: even-numbered workers lock both accounts in id
 * order; odd-numbered ones lock the source, then {@code tryLock} the destination and, when that
 * fails, release everything, back off and retry. The second lock is thus a
 * {@code java.util.concurrent} lock acquired by CAS inside the JDK, which the detector has to model
 * as an acquire (and a failed {@code tryLock} as nothing).
 * <p>
 * Final balances are independent of the interleaving (overdrafts allowed, no transfer refused): they
 * and the conserved total make the checksum. The number of back-offs is timing, not printed.
 * <p>
 * Arguments: transfers per thread (default 35,000,000), threads (default 4), accounts (default 64).
 */
public final class LockTransfers {

    private static final long INITIAL_BALANCE = 1_000_000;

    private final LockAccount[] accounts;

    private LockTransfers(int accountCount) {
        accounts = new LockAccount[accountCount];
        for (int i = 0; i < accountCount; i++) {
            accounts[i] = new LockAccount(i, INITIAL_BALANCE);
        }
    }

    public static void main(String[] args) {
        int transfers = Workload.intArg(args, 0, 35_000_000);
        int threadCount = Workload.intArg(args, 1, 4);
        int accountCount = Workload.intArg(args, 2, 64);

        LockTransfers bank = new LockTransfers(accountCount);
        long[] backOffs = new long[threadCount];
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            int id = i;
            threads[i] = new Thread(() -> backOffs[id] = bank.work(id, transfers), "lock-transfers-" + i);
            threads[i].start();
        }
        Workload.joinAll(threads);
        long totalBackOffs = 0;
        for (long b : backOffs) {
            totalBackOffs += b;
        }
        System.out.println("info back-offs " + totalBackOffs);
        Workload.printResult("lock-transfers", bank.checksum());
    }

    /** Runs the transfers; returns how many times a {@code tryLock} failed. */
    private long work(int worker, int transfers) {
        SplittableRandom random = new SplittableRandom(11 + worker);
        boolean ordered = worker % 2 == 0;
        long backOffs = 0;
        long audited = 0;
        for (int i = 0; i < transfers; i++) {
            LockAccount from = accounts[random.nextInt(accounts.length)];
            LockAccount to = accounts[random.nextInt(accounts.length)];
            if (from == to) {
                continue;
            }
            long amount = 1 + random.nextInt(100);
            if (ordered) {
                transferOrdered(from, to, amount);
            } else {
                backOffs += transferTrying(from, to, amount);
            }
            if (i % 64 == 0) {
                audited += to.balanceSnapshot() & 1;
            }
        }
        if (audited < 0) {
            throw new AssertionError();
        }
        return backOffs;
    }

    static void transferOrdered(LockAccount from, LockAccount to, long amount) {
        LockAccount first = from.getId() < to.getId() ? from : to;
        LockAccount second = first == from ? to : from;
        first.getLock().lock();
        try {
            second.getLock().lock();
            try {
                move(from, to, amount);
            } finally {
                second.getLock().unlock();
            }
        } finally {
            first.getLock().unlock();
        }
    }

    /** Locks {@code from}, then tries {@code to}; on failure backs off and retries. Returns the failures. */
    static int transferTrying(LockAccount from, LockAccount to, long amount) {
        int failures = 0;
        while (true) {
            ReentrantLock source = from.getLock();
            source.lock();
            try {
                ReentrantLock destination = to.getLock();
                if (destination.tryLock()) {
                    try {
                        move(from, to, amount);
                        return failures;
                    } finally {
                        destination.unlock();
                    }
                }
            } finally {
                source.unlock();
            }
            failures++;
            backOff(failures);
        }
    }

    private static void backOff(int failures) {
        if (failures < 4) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    private static void move(LockAccount from, LockAccount to, long amount) {
        from.withdraw(amount);
        to.deposit(amount);
    }

    private long checksum() {
        long total = 0;
        long transactions = 0;
        long hash = Workload.seed();
        for (LockAccount account : accounts) {
            account.getLock().lock();
            try {
                total += account.getBalance();
                transactions += account.getTransactions();
                hash = Workload.mix(hash, account.getBalance());
            } finally {
                account.getLock().unlock();
            }
        }
        if (total != INITIAL_BALANCE * accounts.length) {
            throw new IllegalStateException("money was created or lost: total " + total);
        }
        System.out.println("total " + total + " transactions " + transactions);
        return Workload.mix(Workload.mix(hash, total), transactions);
    }
}
