package dev.racedet.it.targets.threads;

/**
 * Trap: a shutdown hook reads state that main wrote before registering it and writes a field
 * nobody else touches. The JVM starts the hook thread at exit; registration
 * ({@code ApplicationShutdownHooks.add}, under its class monitor) and the start of the hook thread
 * order main's writes before the hook. The hook prints nothing (racedet's own summary is written
 * after application hooks have finished).
 */
public class ShutdownHookTrap {
    private String name;
    private int closed;

    public static void main(String[] args) {
        ShutdownHookTrap app = new ShutdownHookTrap();
        app.name = "app";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (app.name.length() == 3) {
                app.closed = 1;
            }
        }, "hook"));
    }
}
