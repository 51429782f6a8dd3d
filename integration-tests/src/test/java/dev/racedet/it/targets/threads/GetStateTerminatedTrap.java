package dev.racedet.it.targets.threads;

/**
 * Trap: main polls {@code getState()} until it is {@code TERMINATED}, then reads the thread's
 * result. Observing the terminated state detects termination the same way {@code isAlive()}
 * returning false does, so the thread's actions happen-before the read.
 */
public class GetStateTerminatedTrap {
    private long checksum;

    public static void main(String[] args) throws Exception {
        GetStateTerminatedTrap state = new GetStateTerminatedTrap();
        Thread worker = new Thread(() -> state.checksum = 0xCAFEL, "worker");
        worker.start();
        while (worker.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        if (state.checksum != 0xCAFEL) {
            throw new AssertionError("getState broken");
        }
    }
}
