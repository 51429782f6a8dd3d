package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void counts_increments_from_two_threads() throws InterruptedException {
        Counter counter = new Counter();
        Thread other = new Thread(counter::increment, "incrementer");
        other.start();
        counter.increment();
        other.join();
        assertTrue(counter.get() >= 1);
    }

    @Test
    void counts_increments_from_one_thread() {
        Counter counter = new Counter();
        counter.increment();
        counter.increment();
        assertTrue(counter.get() == 2);
    }
}
