package bench.objects;

import java.util.SplittableRandom;

/**
 * Money transfers between accounts under nested {@code synchronized} blocks: the lock-heavy core of
 * many business applications, and the textbook deadlock avoided by ordering the locks (by account
 * id). Every transfer takes two monitors, the second one while holding the first, so the detector's
 * cost per acquire and release dominates; monitors are contended (4 threads, 64 accounts).
 * <p>
 * Overdrafts are allowed, so no transfer is ever refused and every account's final balance is the
 * same whatever the interleaving: it goes into the checksum with the conserved total. Workers also
 * audit single balances now and then (a synchronized read of one account, the read-mostly path).
 * <p>
 * Arguments: transfers per thread (default 45,000,000), threads (default 4), accounts (default 64).
 */
public final class SyncTransfers {

    private static final long INITIAL_BALANCE = 1_000_000;

    private final Account[] accounts;

    private SyncTransfers(int accountCount) {
        accounts = new Account[accountCount];
        for (int i = 0; i < accountCount; i++) {
            accounts[i] = new Account(i, INITIAL_BALANCE);
        }
    }

    public static void main(String[] args) {
        int transfers = Workload.intArg(args, 0, 45_000_000);
        int threadCount = Workload.intArg(args, 1, 4);
        int accountCount = Workload.intArg(args, 2, 64);

        SyncTransfers bank = new SyncTransfers(accountCount);
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            int id = i;
            threads[i] = new Thread(() -> bank.work(id, transfers), "sync-transfers-" + i);
            threads[i].start();
        }
        Workload.joinAll(threads);
        Workload.printResult("sync-transfers", bank.checksum());
    }

    private void work(int worker, int transfers) {
        SplittableRandom random = new SplittableRandom(7 + worker);
        long audited = 0;
        for (int i = 0; i < transfers; i++) {
            Account from = accounts[random.nextInt(accounts.length)];
            Account to = accounts[random.nextInt(accounts.length)];
            if (from == to) {
                continue;
            }
            transfer(from, to, 1 + random.nextInt(100));
            if (i % 64 == 0) {
                audited += from.balanceSnapshot() & 1;
            }
        }
        if (audited < 0) {
            throw new AssertionError(); // keeps the audits from being optimized away
        }
    }

    /** Moves {@code amount} from one account to the other, locking the lower id first. */
    static void transfer(Account from, Account to, long amount) {
        Account first = from.getId() < to.getId() ? from : to;
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.withdraw(amount);
                to.deposit(amount);
            }
        }
    }

    private long checksum() {
        long total = 0;
        long transactions = 0;
        long hash = Workload.seed();
        for (Account account : accounts) {
            synchronized (account) {
                total += account.getBalance();
                transactions += account.getTransactions();
                hash = Workload.mix(hash, account.getBalance());
            }
        }
        if (total != INITIAL_BALANCE * accounts.length) {
            throw new IllegalStateException("money was created or lost: total " + total);
        }
        System.out.println("total " + total + " transactions " + transactions);
        return Workload.mix(Workload.mix(hash, total), transactions);
    }
}
