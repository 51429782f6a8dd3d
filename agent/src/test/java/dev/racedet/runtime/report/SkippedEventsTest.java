package dev.racedet.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.runtime.InternalErrors;
import org.junit.jupiter.api.Test;

/** {@link InternalErrors} counts exhausted stack or heap in a hook as a skipped event, not an error. */
class SkippedEventsTest {

    @Test
    void stack_overflow_and_out_of_memory_are_skipped_events_not_internal_errors() {
        long errors = InternalErrors.count();
        long skipped = InternalErrors.skippedEvents();
        InternalErrors.record("read hook", new StackOverflowError());
        InternalErrors.record("write hook", new OutOfMemoryError("Java heap space"));
        assertEquals(errors, InternalErrors.count());
        assertEquals(skipped + 2, InternalErrors.skippedEvents());
    }
}
