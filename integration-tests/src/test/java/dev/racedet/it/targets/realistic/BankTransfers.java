package dev.racedet.it.targets.realistic;

import dev.racedet.it.targets.Racers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Realistic program: a bank whose tellers move money between accounts while an auditor checks the
 * total. Correctly synchronized: balances (each account's {@code ReentrantLock}, taken in id order),
 * transfer ids ({@code AtomicLong}), the journal ({@code ConcurrentLinkedQueue} of entries filled
 * before they are added), the open flag ({@code volatile}) and the audit results (read by main after
 * {@code join}).
 *
 * <p>Two bugs, both real races in every run:
 * <ul>
 *   <li>{@code tellersOnDuty} is incremented by each teller as the first thing it does, with no lock
 *       (a lost update; both increments precede any synchronization between the tellers);</li>
 *   <li>{@code lastClosingTeller} is written by each teller as the last thing it does, after its
 *       final unlock, so no lock orders the two writes.</li>
 * </ul>
 */
public class BankTransfers {
    static final class Account {
        final int id;
        final ReentrantLock lock = new ReentrantLock();
        long balance;

        Account(int id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    static final class JournalEntry {
        long transferId;
        int from;
        int to;
        long amount;
    }

    private final List<Account> accounts = new ArrayList<>();
    private final AtomicLong nextTransferId = new AtomicLong();
    private final ConcurrentLinkedQueue<JournalEntry> journal = new ConcurrentLinkedQueue<>();
    private volatile boolean open = true;
    private int tellersOnDuty;
    private String lastClosingTeller;
    private int audits;
    private int failedAudits;

    BankTransfers(int count, long initial) {
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(i, initial));
        }
    }

    boolean transfer(int fromId, int toId, long amount) {
        Account from = accounts.get(fromId);
        Account to = accounts.get(toId);
        Account first = from.id < to.id ? from : to;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                if (from.balance < amount) {
                    return false;
                }
                from.balance -= amount;
                to.balance += amount;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
        JournalEntry entry = new JournalEntry();
        entry.transferId = nextTransferId.incrementAndGet();
        entry.from = fromId;
        entry.to = toId;
        entry.amount = amount;
        journal.add(entry);
        return true;
    }

    long total() {
        for (Account a : accounts) {
            a.lock.lock();
        }
        try {
            long sum = 0;
            for (Account a : accounts) {
                sum += a.balance;
            }
            return sum;
        } finally {
            for (int i = accounts.size() - 1; i >= 0; i--) {
                accounts.get(i).lock.unlock();
            }
        }
    }

    Runnable teller(String name, int seed) {
        return () -> {
            tellersOnDuty++; // RACE
            int n = accounts.size();
            for (int i = 0; i < 300; i++) {
                transfer((seed + i) % n, (seed + 3 * i + 1) % n, 1 + (i % 5));
            }
            lastClosingTeller = name; // RACE
        };
    }

    Runnable auditor(long expected) {
        return () -> {
            while (open) {
                audits++;
                if (total() != expected) {
                    failedAudits++;
                }
                if (audits == 50) {
                    open = false;
                }
            }
        };
    }

    public static void main(String[] args) throws Exception {
        BankTransfers bank = new BankTransfers(8, 1000);
        Racers.race(bank.teller("ann", 0), bank.teller("bob", 5), bank.auditor(8000));
        long entries = bank.journal.stream().mapToLong(e -> e.amount > 0 && e.from != e.to ? 1 : 0).sum();
        if (bank.total() != 8000 || bank.failedAudits != 0 || entries != bank.nextTransferId.get()) {
            throw new AssertionError("bank broken: " + bank.total() + " " + bank.failedAudits);
        }
    }
}
