package dev.racedet.it.targets.threads;

// REQUIRES-JDK: 25
// JVM-ARGS: --enable-preview

/**
 * No race: structured concurrency. What the owner wrote before {@code fork} is visible to the
 * subtask (the fork starts its thread), and what each subtask wrote is visible to the owner after
 * {@code join} (the subtasks' threads have terminated and the scope's thread flock counted them
 * out). The two subtasks write different fields.
 */
public class StructuredTaskScopeTrap {
    private int input;
    private int left;
    private int right;

    public static void main(String[] args) throws Exception {
        StructuredTaskScopeTrap state = new StructuredTaskScopeTrap();
        state.input = 20;
        try (StructuredScopes scope = StructuredScopes.open()) {
            scope.fork(() -> state.left = state.input + 1);
            scope.fork(() -> state.right = state.input + 2);
            scope.join();
            if (state.left + state.right != 43) {
                throw new AssertionError("subtasks' results not visible: " + state.left + " " + state.right);
            }
            state.input = 0; // the subtasks are done: no race with their reads
        }
    }
}
