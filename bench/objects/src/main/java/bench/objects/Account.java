package bench.objects;

/**
 * A bank account for {@link SyncTransfers}: guarded by its own monitor, which every caller that
 * touches the balance holds ({@code synchronized (account)}), as the methods' callers below do.
 */
final class Account {

    private final int id;
    private long balance;
    private int transactions;

    Account(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    int getId() {
        return id;
    }

    /** Caller holds this account's monitor. */
    long getBalance() {
        return balance;
    }

    /** Caller holds this account's monitor. */
    int getTransactions() {
        return transactions;
    }

    /** Caller holds this account's monitor. */
    void deposit(long amount) {
        balance += amount;
        transactions++;
    }

    /** Caller holds this account's monitor. Overdrafts are allowed (the bank charges interest). */
    void withdraw(long amount) {
        balance -= amount;
        transactions++;
    }

    /** A consistent snapshot for audits. */
    synchronized long balanceSnapshot() {
        return balance;
    }
}
