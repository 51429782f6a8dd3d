package dev.racedet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.racedet.runtime.engine.Detector;
import dev.racedet.runtime.engine.SyncClock;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event scripts for {@link PlainWrites}: a plain reference store is published by the storing
 * thread's next release, as the release hooks do it ({@code SyncEvents.release}), and by nothing
 * else. The scripts follow JDK 25's {@code LinkedTransferQueue}: the producer writes a message,
 * creates a node whose {@code item} it stores plainly, and publishes the node with a CAS on its
 * predecessor's {@code next}; the consumer, which reaches the node through a plain read racedet does
 * not see, matches it with a CAS on {@code item}.
 */
class PlainWritesTest {
    private static final long ITEM = 12;
    private static final long NEXT = 16;

    private final List<String> races = new ArrayList<>();
    private final Detector detector = new Detector((field, current, currentWrite, currentSite,
            previous, previousWrite, previousSite) -> races.add(current.name() + "@" + currentSite
            + " vs " + previous.name() + "@" + previousSite));
    private final Shadows shadows = new Shadows();
    private final ThreadState producer = new ThreadState(null, "producer");
    private final ThreadState consumer = new ThreadState(null, "consumer");
    private final VarState message = new VarState(1);
    private final Object predecessor = new Object();
    private final Object node = new Object();

    @Test
    void consumer_acquiring_the_plainly_stored_location_is_ordered_after_the_next_release() {
        detector.write(producer, message, 10);
        plainStore(producer, node, ITEM);
        release(producer, predecessor, NEXT);  // the CAS publishing the node
        acquire(consumer, node, ITEM);         // the CAS matching it
        detector.read(consumer, message, 20);
        assertEquals(List.of(), races);
    }

    @Test
    void consumer_races_when_the_plain_store_is_not_followed_by_a_release() {
        detector.write(producer, message, 10);
        plainStore(producer, node, ITEM);
        acquire(consumer, node, ITEM);
        detector.read(consumer, message, 20);
        assertEquals(List.of("consumer@20 vs producer@10"), races);
    }

    @Test
    void a_release_before_the_plain_store_publishes_nothing_through_it() {
        plainStore(producer, node, ITEM);
        release(producer, predecessor, NEXT);  // publishes the first store only
        detector.write(producer, message, 11);
        plainStore(producer, node, ITEM);      // pending again, no release after it
        acquire(consumer, node, ITEM);
        detector.read(consumer, message, 20);
        assertEquals(List.of("consumer@20 vs producer@11"), races);
    }

    @Test
    void published_locations_are_no_longer_pending_and_their_bases_not_held() {
        plainStore(producer, node, ITEM);
        release(producer, predecessor, NEXT);
        assertEquals(0, producer.plainWriteCount);
        assertNull(producer.plainWriteBases[0]);
        detector.write(producer, message, 12);
        release(producer, predecessor, NEXT);  // nothing pending: the node's clock stays as it was
        acquire(consumer, node, ITEM);
        detector.read(consumer, message, 20);
        assertEquals(List.of("consumer@20 vs producer@12"), races);
    }

    @Test
    void a_store_beyond_the_capacity_forgets_the_oldest_pending_location() {
        Object[] nodes = new Object[PlainWrites.CAPACITY + 1];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Object();
            plainStore(producer, nodes[i], ITEM);
        }
        plainStore(producer, nodes[nodes.length - 1], ITEM); // already pending: not stored twice
        assertEquals(PlainWrites.CAPACITY, producer.plainWriteCount);
        detector.write(producer, message, 10);
        release(producer, predecessor, NEXT);
        acquire(consumer, nodes[1], ITEM);     // the oldest kept
        detector.read(consumer, message, 20);
        assertEquals(List.of(), races);
        assertNull(shadows.findLocation(nodes[0], ITEM));
    }

    private void plainStore(ThreadState t, Object base, long offset) {
        PlainWrites.record(t, base, offset);
    }

    /** What {@code SyncEvents.release} does for an atomic location. */
    private void release(ThreadState t, Object base, long offset) {
        if (t.plainWriteCount != 0) {
            PlainWrites.publish(t, detector, shadows);
        }
        detector.release(t, shadows.location(base, offset));
    }

    private void acquire(ThreadState t, Object base, long offset) {
        SyncClock s = shadows.findLocation(base, offset);
        if (s != null) {
            detector.acquire(t, s);
        }
    }
}
