package bench.realcode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multi-threaded JDBC load on an H2 database in a file (so H2's MVStore background writer runs):
 * each thread, on its own connection, moves money between accounts in transactions (two updates and
 * an insert into a history table), reads balances and sums, and sometimes rolls a transaction back.
 *
 * <p>The program checks H2's answers: the total of all balances never changes and the history holds
 * exactly the committed transfers. It prints {@code h2-load: OK ...} and exits 0 when they hold, exits
 * 1 otherwise. Lock timeouts and deadlocks that H2 reports (SQL state 40001 or error 50200) are normal
 * under this load: the transaction is rolled back and retried. Usage:
 * {@code H2Load DATABASE_DIRECTORY THREADS TRANSACTIONS_PER_THREAD}.
 */
public final class H2Load {
    private static final int ACCOUNTS = 200;
    private static final long INITIAL_BALANCE = 1_000;

    private final String url;
    private final AtomicLong committedTransfers = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    private H2Load(Path directory) {
        // LOCK_TIMEOUT: waits on a locked row are part of the load; deadlocks are detected by H2.
        url = "jdbc:h2:" + directory.resolve("bank").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
    }

    private void createSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account(id INT PRIMARY KEY, balance BIGINT NOT NULL, updates INT NOT NULL)");
            s.execute("CREATE TABLE history(id BIGINT AUTO_INCREMENT PRIMARY KEY, src INT, dst INT,"
                    + " amount BIGINT, worker INT)");
            s.execute("CREATE INDEX history_worker ON history(worker)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO account VALUES (?, ?, 0)")) {
                for (int i = 0; i < ACCOUNTS; i++) {
                    p.setInt(1, i);
                    p.setLong(2, INITIAL_BALANCE);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
    }

    /** One worker: its own connection, manual commits, a fixed seed per worker. */
    private void work(int worker, int transactions) throws SQLException {
        Random random = new Random(worker);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                int kind = random.nextInt(10);
                int a = random.nextInt(ACCOUNTS);
                int b = (a + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                long amount = 1 + random.nextInt(20);
                while (true) {
                    try {
                        if (kind < 6) {
                            transfer(c, worker, a, b, amount, true);
                        } else if (kind < 7) {
                            transfer(c, worker, a, b, amount, false);
                        } else {
                            read(c, a);
                        }
                        break;
                    } catch (SQLException e) {
                        c.rollback();
                        if (!retryable(e)) {
                            throw e;
                        }
                        retries.incrementAndGet();
                    }
                }
            }
        }
    }

    private static boolean retryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || e.getErrorCode() == 50200 || e.getErrorCode() == 90131;
    }

    private void transfer(Connection c, int worker, int from, int to, long amount, boolean commit)
            throws SQLException {
        try (PreparedStatement debit = c.prepareStatement(
                     "UPDATE account SET balance = balance - ?, updates = updates + 1 WHERE id = ?");
             PreparedStatement credit = c.prepareStatement(
                     "UPDATE account SET balance = balance + ?, updates = updates + 1 WHERE id = ?");
             PreparedStatement log = c.prepareStatement(
                     "INSERT INTO history(src, dst, amount, worker) VALUES (?, ?, ?, ?)")) {
            debit.setLong(1, amount);
            debit.setInt(2, from);
            debit.executeUpdate();
            credit.setLong(1, amount);
            credit.setInt(2, to);
            credit.executeUpdate();
            log.setInt(1, from);
            log.setInt(2, to);
            log.setLong(3, amount);
            log.setInt(4, worker);
            log.executeUpdate();
        }
        if (commit) {
            c.commit();
            committedTransfers.incrementAndGet();
        } else {
            c.rollback();
        }
    }

    private static void read(Connection c, int account) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet sum = s.executeQuery("SELECT SUM(balance), COUNT(*) FROM account")) {
            sum.next();
            if (sum.getLong(1) != ACCOUNTS * INITIAL_BALANCE) {
                throw new IllegalStateException("total balance seen in a transaction: " + sum.getLong(1));
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT a.balance, (SELECT COUNT(*) FROM history h WHERE h.src = a.id OR h.dst = a.id)"
                        + " FROM account a WHERE a.id = ?")) {
            p.setInt(1, account);
            try (ResultSet r = p.executeQuery()) {
                r.next();
            }
        }
        c.commit();
    }

    /** Whether the final state is the one the committed transfers imply. */
    private boolean verify() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT SUM(balance) FROM account),"
                     + " (SELECT COUNT(*) FROM history), (SELECT SUM(updates) FROM account)")) {
            r.next();
            long total = r.getLong(1);
            long history = r.getLong(2);
            long updates = r.getLong(3);
            System.out.printf("h2-load: total %d (expected %d), history %d and updates %d (expected %d and %d),"
                    + " %d retries%n", total, ACCOUNTS * INITIAL_BALANCE, history, updates,
                    committedTransfers.get(), 2 * committedTransfers.get(), retries.get());
            return total == ACCOUNTS * INITIAL_BALANCE && history == committedTransfers.get()
                    && updates == 2 * committedTransfers.get();
        }
    }

    public static void main(String[] args) throws Exception {
        H2Load load = new H2Load(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        int transactions = Integer.parseInt(args[2]);
        load.createSchema();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread t = new Thread(() -> {
                try {
                    load.work(worker, transactions);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "h2-load-" + i);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        for (Throwable e : failures) {
            e.printStackTrace();
        }
        boolean consistent = load.verify();
        // Closes the database (and its background writer) before the JVM exits.
        try (Connection c = DriverManager.getConnection(load.url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        if (!failures.isEmpty() || !consistent) {
            System.out.println("h2-load: FAILED");
            System.exit(1);
        }
        System.out.println("h2-load: OK");
    }
}
