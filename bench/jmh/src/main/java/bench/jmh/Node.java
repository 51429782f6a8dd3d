package bench.jmh;

/**
 * A small object of ours allocated once per operation by {@code HookBench.newObject*}: the cost of a
 * new object of a checked class (racedet's per-object state) plus the first write of its field.
 */
public final class Node {
    /** Plain field, written by the creator ({@code newObjectFirstWrite}) or the constructor. */
    int payload;

    Node() {
    }

    /** Writes its own field: the declaring class's (inline-shadow) path, after {@code super()}. */
    Node(int payload) {
        this.payload = payload;
    }
}
