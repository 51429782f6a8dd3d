package dev.racedet.it.instrumentation;

/** Defined by a {@link HostileLoader} (a second copy, beside the application loader's). */
public final class HostileDefined implements Runnable {
    static int runs;

    @Override
    public void run() {
        runs++;
    }
}
