package com.acme.mod;

/**
 * Races inside one named module: {@code Counter.value} races, {@code Guarded.value} is only touched
 * under its monitor (a trap).
 */
public final class Main {
    private static final int ROUNDS = 5_000;

    static final class Counter {
        int value;
    }

    static final class Guarded {
        private int value;

        synchronized void add() {
            value++;
        }

        synchronized int get() {
            return value;
        }
    }

    public static void main(String[] args) throws Exception {
        Counter counter = new Counter();
        Guarded guarded = new Guarded();
        Runnable work = () -> {
            for (int i = 0; i < ROUNDS; i++) {
                counter.value++; // RACE
            }
            for (int i = 0; i < ROUNDS; i++) {
                guarded.add();
            }
        };
        Gate.race(work, work);
        System.out.println("guarded " + guarded.get());
    }
}
