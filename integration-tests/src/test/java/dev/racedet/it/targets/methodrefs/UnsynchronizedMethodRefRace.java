package dev.racedet.it.targets.methodrefs;

import dev.racedet.it.targets.Racers;

/**
 * Race: the same bound method reference ({@code stats::record}) run by two threads; the method is
 * not synchronized, so its read-modify-write of the field races. The report names the method's
 * line, not the line of the reference.
 */
public class UnsynchronizedMethodRefRace {
    private int samples;

    void record() {
        samples++; // RACE
    }

    public static void main(String[] args) throws Exception {
        UnsynchronizedMethodRefRace stats = new UnsynchronizedMethodRefRace();
        Runnable record = stats::record;
        Racers.race(record, record);
    }
}
