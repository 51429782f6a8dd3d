package dev.racedet.it.targets;

/**
 * Trap: synchronized instance methods on one shared instance, mixed with an external
 * {@code synchronized (account)} block. A synchronized method locks {@code this}, so all three
 * forms use the same monitor and every access is ordered.
 */
public class SynchronizedMethodsTrap {

    static final class Account {
        private int balance;
        private int operations;

        synchronized void deposit(int amount) {
            balance += amount;
            operations++;
        }

        synchronized boolean withdraw(int amount) {
            operations++;
            if (balance < amount) {
                return false;
            }
            balance -= amount;
            return true;
        }

        synchronized int balance() {
            return balance;
        }
    }

    public static void main(String[] args) throws Exception {
        Account account = new Account();
        int[] audits = new int[1];

        Racers.race(
                () -> {
                    for (int i = 0; i < 300; i++) {
                        account.deposit(2);
                    }
                },
                () -> {
                    for (int i = 0; i < 300; i++) {
                        account.withdraw(1);
                    }
                },
                () -> {
                    for (int i = 0; i < 300; i++) {
                        synchronized (account) {
                            audits[0] += account.operations;
                        }
                    }
                });

        if (account.operations != 600 || account.balance() < 300) {
            throw new AssertionError("lost update");
        }
    }
}
