package bench.jmh;

/**
 * A class of ours whose field {@link HookBench} reads and writes: an access from code of another
 * class than the field's declaring class. racedet instruments the two cases differently (in the
 * declaring class the hook is handed the field's shadow state inline; elsewhere the runtime has to
 * find it), so {@code otherClassFieldRead/Write} measure the slower of the two paths.
 */
public final class Holder {
    /** Plain, non-final, non-volatile: a checked field. */
    int value;
}
