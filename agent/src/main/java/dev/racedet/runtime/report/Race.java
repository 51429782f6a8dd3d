package dev.racedet.runtime.report;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * One distinct race: a field and the pair of source locations that accessed it unordered. Later
 * detections of the same pair only increment {@link #count()}.
 */
public final class Race {
    /** One side of a race. {@code stack} starts at {@code location}'s frame. */
    public record Access(String thread, boolean write, String location, List<String> stack) {
        public String op() {
            return write ? "write" : "read";
        }
    }

    private final long key;
    private final String field;
    private final Access access;
    private final Access previous;
    private final int index;
    private final AtomicLong count = new AtomicLong(1);

    /**
     * @param key what the reporter deduplicates on (the two location ids); only compared, never shown
     */
    public Race(long key, String field, Access access, Access previous) {
        this(key, field, access, previous, -1);
    }

    /**
     * A race on an array element.
     *
     * @param field the field the array was loaded from plus {@code []} ({@code demo.Grid.cells[]}), or
     *     the array's type ({@code int[]})
     * @param index the element index of the first detection; -1 for a field
     */
    public Race(long key, String field, Access access, Access previous, int index) {
        this.key = key;
        this.field = field;
        this.access = access;
        this.previous = previous;
        this.index = index;
    }

    public long key() {
        return key;
    }

    /**
     * An id stable across runs and JVMs: a hash of the field and the two locations, in sorted order,
     * so the same bug keeps its id whichever thread happened to come second.
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

    /** {@code write-write} or {@code read-write}: which operations conflict, in no particular order. */
    public String kind() {
        return access.write() && previous.write() ? "write-write" : "read-write";
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
