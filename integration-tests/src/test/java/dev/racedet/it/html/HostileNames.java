package dev.racedet.it.html;

import dev.racedet.it.targets.Racers;

/**
 * Three races whose threads are named to break an HTML page: a {@code </script>} that would end a
 * script element and start another, markup with an {@code onerror} handler and an HTML comment
 * opener, and a name with a line separator, a bidi override and a zero-width space (lone surrogates
 * are covered by the unit test: the tests' JSON parser rejects them). One field has a non-ASCII name, which must come out as it is. One racer of each race renames itself before racing
 * (on JDK 25, two threads renaming themselves are ordered by the JDK's own synchronization).
 */
public final class HostileNames {
    public static final String SCRIPT = "</script><script>alert(1)</script>";
    public static final String MARKUP = "<!-- \"q\" & 'a' <img src=x onerror=alert(2)>";
    public static final String HIDDEN = "line\u2028sep \u202egnp.exe\u200b";
    /** {@link #HIDDEN} as the page shows it: each hidden character as a visible escape. */
    public static final String HIDDEN_SHOWN = "line\\u2028sep \\u202egnp.exe\\u200b";

    static int first;
    static int second;
    static int gr\u00f6\u00dfe;

    public static void main(String[] args) throws InterruptedException {
        Racers.race(named(SCRIPT, () -> first = 1), () -> first = 2);
        Racers.race(named(MARKUP, () -> second = 1), () -> second = 2);
        Racers.race(named(HIDDEN, () -> gr\u00f6\u00dfe = 1), () -> {
            int seen = gr\u00f6\u00dfe; // a read racing with the write
        });
    }

    private static Runnable named(String name, Runnable task) {
        return () -> {
            Thread.currentThread().setName(name);
            task.run();
        };
    }
}
