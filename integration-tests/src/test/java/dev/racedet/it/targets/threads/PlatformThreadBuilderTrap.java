package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 21

/**
 * Trap: a platform thread started by {@code Thread.ofPlatform().name(..).start(task)} (JDK 21,
 * through method handles): the builder starts the thread inside the JDK, and the start edge is
 * the same as for {@code new Thread(task).start()}.
 */
public class PlatformThreadBuilderTrap {
    private int[] data;
    private int total;

    public static void main(String[] args) throws Exception {
        PlatformThreadBuilderTrap state = new PlatformThreadBuilderTrap();
        state.data = new int[] {1, 2, 3};
        Thread t = NewThreadApis.startPlatform("built", () -> {
            for (int v : state.data) {
                state.total += v;
            }
        });
        t.join();
        if (state.total != 6) {
            throw new AssertionError("total " + state.total);
        }
    }
}
