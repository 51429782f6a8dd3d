package dev.racedet.it.targets;

/**
 * Trap: safe publication through a volatile flag. The writer fills plain fields and then sets the
 * volatile {@code ready}; two readers spin until they see {@code ready} and only then read the
 * plain fields. Each read is ordered after the writes (write-release / read-acquire on the same
 * volatile field), and the readers only read, so nothing races.
 */
public class VolatileFlagPublicationTrap {

    private int port;
    private String host;
    private double timeoutSeconds;
    private volatile boolean ready;

    void configure() {
        port = 8080;
        host = "localhost";
        timeoutSeconds = 2.5;
        ready = true;
    }

    int awaitAndRead() {
        while (!ready) {
            Thread.onSpinWait();
        }
        int p = port;
        String h = host;
        double t = timeoutSeconds;
        return p + h.length() + (int) t;
    }

    public static void main(String[] args) throws Exception {
        VolatileFlagPublicationTrap config = new VolatileFlagPublicationTrap();
        int[] seen = new int[2];

        Racers.race(
                config::configure,
                () -> seen[0] = config.awaitAndRead(),
                () -> seen[1] = config.awaitAndRead());

        if (seen[0] != 8091 || seen[1] != 8091) {
            throw new AssertionError("not published: " + seen[0] + ", " + seen[1]);
        }
    }
}
