package dev.racedet.it.thirdparty.programs;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.racedet.it.targets.Racers;

/**
 * A plain {@code main} using Mockito's inline mock maker (the default of Mockito 5): it mocks a
 * concrete class, which Mockito retransforms in place, and an interface, stubs and verifies. Then
 * two racers work on a real instance of the retransformed class: {@code entries} races, while
 * {@code safeEntries} is only touched by {@code synchronized} methods (a trap). Racers do not call
 * mocks: Mockito records every call under its own locks, which would order them.
 */
public final class MockitoProgram {
    private static final int ROUNDS = 5_000;

    /** Concrete and non-final, so only the inline mock maker can mock it. */
    public static class Ledger {
        int entries;
        private int safeEntries;

        public void record() {
            entries++; // RACE
        }

        public synchronized void recordSafely() {
            safeEntries++;
        }

        public synchronized int safeEntries() {
            return safeEntries;
        }

        public int balance(String account) {
            return -1;
        }
    }

    public interface Clock {
        long now();
    }

    public static void main(String[] args) throws Exception {
        Ledger mockLedger = mock(Ledger.class);
        when(mockLedger.balance("alice")).thenReturn(42);
        Clock clock = mock(Clock.class);
        when(clock.now()).thenReturn(1234L);

        mockLedger.record();
        System.out.println("balance " + mockLedger.balance("alice") + ", unknown " + mockLedger.balance("bob")
                + ", now " + clock.now());
        verify(mockLedger).record();
        verify(mockLedger).balance("alice");
        verify(clock).now();
        verifyNoMoreInteractions(clock);

        Ledger ledger = new Ledger();
        Racers.race(() -> work(ledger), () -> work(ledger));
        System.out.println("safe entries " + ledger.safeEntries() + ", mock entries " + mockLedger.entries);
    }

    /** The unlocked loop first: its accesses precede every lock handoff between the racers. */
    private static void work(Ledger ledger) {
        for (int i = 0; i < ROUNDS; i++) {
            ledger.record();
        }
        for (int i = 0; i < ROUNDS; i++) {
            ledger.recordSafely();
        }
    }
}
