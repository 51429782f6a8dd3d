package dev.racedet.runtime;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.ThreadState;

/**
 * The shadow of one array: its elements' states in {@link ElementChunk}s of {@link #CHUNK}
 * elements, each created on the first access of one of its elements. Nothing is allocated per
 * element up front; an array nobody accesses from checked code has no shadow at all.
 */
final class ArrayShadow {
    static final int CHUNK_BITS = 12;
    /** Elements per chunk: small enough that a chunk's 16-bit palette indexes never run out. */
    static final int CHUNK = 1 << CHUNK_BITS;

    private final Class<?> arrayClass;
    private final int length;
    /**
     * The chunks, made on first use under this shadow's lock and read without it, also by the hooks'
     * fast paths (a plain array: no JDK code there, see {@code HookStateArray}). A chunk read
     * without the lock is used only once its volatile table is seen.
     */
    private final ElementChunk[] chunks;

    /** @param array an array (the caller checked); its class and length are all that is kept */
    ArrayShadow(Object array) {
        this.arrayClass = array.getClass();
        this.length = java.lang.reflect.Array.getLength(array);
        this.chunks = new ElementChunk[(length + CHUNK - 1) >>> CHUNK_BITS];
    }

    int length() {
        return length;
    }

    /**
     * Whether the access of element {@code index} by {@code t} would change nothing (the same epoch
     * recorded it): no lock, no allocation; false for an index out of bounds or a chunk not yet made.
     */
    boolean isCurrent(ThreadState t, int index, boolean write) {
        if (index >= length) {
            return false;
        }
        ElementChunk chunk = chunks[index >>> CHUNK_BITS];
        return chunk != null && chunk.isCurrent(t, index & (CHUNK - 1), write);
    }

    /** Records an access of element {@code index}, which the caller checked is within bounds. */
    void access(ThreadState t, Detector detector, int index, int site, boolean write) {
        chunk(index >>> CHUNK_BITS).access(t, detector, index & (CHUNK - 1), site, write);
    }

    /**
     * Records accesses of elements {@code from} to {@code to - 1}, clamped to the array's bounds
     * (an empty or reversed range records nothing).
     */
    void accessRange(ThreadState t, Detector detector, long from, long to, int site, boolean write) {
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(length, to);
        while (start < end) {
            int c = start >>> CHUNK_BITS;
            int chunkEnd = Math.min(end, (c + 1) << CHUNK_BITS);
            chunk(c).accessRange(t, detector, start & (CHUNK - 1), chunkEnd - (c << CHUNK_BITS), site, write);
            start = chunkEnd;
        }
    }

    /** Chunk {@code c}, for tests and statistics: {@code null} if none of its elements was accessed. */
    synchronized ElementChunk existingChunk(int c) {
        return chunks[c];
    }

    private ElementChunk chunk(int c) {
        ElementChunk chunk = chunks[c];
        return chunk != null && chunk.isPublished() ? chunk : makeChunk(c);
    }

    private synchronized ElementChunk makeChunk(int c) {
        ElementChunk chunk = chunks[c];
        if (chunk == null) {
            int base = c << CHUNK_BITS;
            chunk = new ElementChunk(arrayClass, base, Math.min(CHUNK, length - base));
            chunks[c] = chunk;
        }
        return chunk;
    }
}
