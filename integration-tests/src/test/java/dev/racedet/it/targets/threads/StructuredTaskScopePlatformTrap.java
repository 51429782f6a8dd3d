package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 25
// JVM-ARGS: --enable-preview

/**
 * No race: structured concurrency with platform threads. Each subtask's thread counts itself out
 * of the scope in {@code Thread.exit()}, after racedet saw it terminate; the owner's {@code join}
 * waits for that count, so the subtasks' writes are visible after it.
 */
public class StructuredTaskScopePlatformTrap {
    private int input;
    private int left;
    private int right;

    public static void main(String[] args) throws Exception {
        StructuredTaskScopePlatformTrap state = new StructuredTaskScopePlatformTrap();
        state.input = 30;
        try (StructuredScopes scope = StructuredScopes.openWithPlatformThreads()) {
            scope.fork(() -> state.left = state.input + 1);
            scope.fork(() -> state.right = state.input + 2);
            scope.join();
            if (state.left + state.right != 63) {
                throw new AssertionError("subtasks' results not visible: " + state.left + " " + state.right);
            }
            state.input = 0;
        }
    }
}
