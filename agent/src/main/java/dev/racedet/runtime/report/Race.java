package dev.racedet.runtime.report;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * One distinct race: a field and the pair of source locations that accessed it unordered. Later
 * detections of the same pair only increment {@link #count()}.
 */
public final class Race {
    /**
     * One side of a race.
     *
     * @param thread      the thread's name
     * @param location    the access site, {@code pkg.Class.method(File.java:12)}
     * @param stack       the stack of the access, innermost first ({@code stack.get(0)} is the access
     *                    site's frame)
     * @param recorded    whether {@code stack} is the calling context recorded with the access (frames
     *                    of checked code only; see {@code CallingContexts}) rather than the thread's
     *                    real stack captured when the race was found
     * @param threadStart where the thread was started ({@code Thread.start} and the checked code that
     *                    led to it), innermost first; empty for threads racedet did not see start
     * @param locksHeld   the monitors the thread held at the access, innermost first
     * @param recent      the thread's last events up to this access, oldest first (see
     *                    {@link TimelineEvent}); the racy access is marked when it is among them
     */
    public record Access(String thread, boolean write, String location, List<Frame> stack, boolean recorded,
                         List<Frame> threadStart, List<String> locksHeld, List<TimelineEvent> recent) {
        /** An access with only its stack known. */
        public Access(String thread, boolean write, String location, List<Frame> stack) {
            this(thread, write, location, stack, false, List.of(), List.of(), List.of());
        }

        public String op() {
            return write ? "write" : "read";
        }
    }

    private final long key;
    private final String field;
    private final Access access;
    private final Access previous;
    private final int index;
    private final String object;
    private volatile String test = "";
    private final AtomicLong count = new AtomicLong(1);

    /**
     * @param key what the reporter deduplicates on (the two location ids); only compared, never shown
     */
    public Race(long key, String field, Access access, Access previous) {
        this(key, field, access, previous, -1, "");
    }

    /**
     * A race on an array element.
     *
     * @param field the field the array was loaded from plus {@code []} ({@code demo.Grid.cells[]}), or
     *     the array's type ({@code int[]})
     * @param index the element index of the first detection; -1 for a field
     * @param object the raced object as {@code class@identityHash} ({@code demo.Counter@1b6d3586}), or
     *     {@code ""} for a static field or when unknown
     */
    public Race(long key, String field, Access access, Access previous, int index, String object) {
        this.key = key;
        this.field = field;
        this.access = access;
        this.previous = previous;
        this.index = index;
        this.object = object;
    }

    public long key() {
        return key;
    }

    /**
     * The race's fingerprint, stable across runs and JVMs: a hash of the field and the two access
     * sites, in sorted order, so the same bug keeps its id whichever thread happened to come second.
     * Neither stack, the threads, the object nor the array index take part: they vary between runs.
     */
    public String id() {
        String a = access.location();
        String b = previous.location();
        String text = field + "|" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a);
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return String.format("R%08x", crc.getValue());
    }

    public String field() {
        return field;
    }

    /**
     * {@code write-write}, {@code write-read} (a read after an unordered write) or {@code read-write}
     * (a write after an unordered read): the previous access's operation first.
     */
    public String kind() {
        return previous.op() + "-" + access.op();
    }

    /**
     * The raced object as {@code class@identityHash} ({@code demo.Counter@1b6d3586}, an array as
     * {@code int[]@5e2de80c}), or {@code ""} for a static field or when unknown. The hash is the
     * identity hash: racedet never calls the object's own {@code hashCode} or {@code toString}.
     */
    public String object() {
        return object;
    }

    /** The test this race was found in ({@code demo.CounterTest.increments()}), or {@code ""}. */
    public String test() {
        return test;
    }

    /** Attributes this race to {@code testName}. */
    public void attributeTo(String testName) {
        this.test = testName;
    }

    /** The element index of the first detection of a race on an array element; -1 for a field. */
    public int index() {
        return index;
    }

    public Access access() {
        return access;
    }

    public Access previous() {
        return previous;
    }

    public long count() {
        return count.get();
    }

    public void repeated() {
        count.incrementAndGet();
    }
}
