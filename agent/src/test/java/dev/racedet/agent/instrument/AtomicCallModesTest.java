package dev.racedet.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.agent.instrument.AtomicCallVisitor.Mode;
import org.junit.jupiter.api.Test;

/** How {@link AtomicCallVisitor} classifies {@code Unsafe} methods by name. */
class AtomicCallModesTest {
    @Test
    void plain_reference_stores_are_handed_to_the_next_release() {
        assertEquals(Mode.PLAIN_STORE, AtomicCallVisitor.modeOf("putReference"));
        assertEquals(Mode.PLAIN_STORE, AtomicCallVisitor.modeOf("putObject"));
    }

    @Test
    void other_plain_and_opaque_stores_do_nothing() {
        for (String name : new String[] {"putInt", "putLong", "putReferenceOpaque", "putIntUnaligned",
            "getReference", "getReferenceOpaque"}) {
            assertEquals(Mode.NONE, AtomicCallVisitor.modeOf(name), name);
        }
    }

    @Test
    void compare_and_exchange_variants_follow_their_suffix() {
        assertEquals(Mode.BOTH, AtomicCallVisitor.modeOf("compareAndExchangeReference"));
        assertEquals(Mode.ACQUIRE, AtomicCallVisitor.modeOf("compareAndExchangeReferenceAcquire"));
        assertEquals(Mode.RELEASE, AtomicCallVisitor.modeOf("compareAndExchangeReferenceRelease"));
        assertEquals(Mode.NONE, AtomicCallVisitor.modeOf("weakCompareAndSetReferencePlain"));
        assertEquals(Mode.BOTH, AtomicCallVisitor.modeOf("weakCompareAndSetReference"));
    }

    @Test
    void release_and_acquire_accesses_keep_their_modes() {
        assertEquals(Mode.RELEASE, AtomicCallVisitor.modeOf("putReferenceRelease"));
        assertEquals(Mode.RELEASE, AtomicCallVisitor.modeOf("putOrderedObject"));
        assertEquals(Mode.RELEASE, AtomicCallVisitor.modeOf("putReferenceVolatile"));
        assertEquals(Mode.ACQUIRE, AtomicCallVisitor.modeOf("getReferenceAcquire"));
        assertEquals(Mode.ACQUIRE, AtomicCallVisitor.modeOf("getIntVolatile"));
    }
}
