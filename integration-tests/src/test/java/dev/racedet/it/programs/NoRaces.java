package dev.racedet.it.programs;

/** A clean program: threads work on their own objects and main reads results after join. */
public final class NoRaces {
    private int total;

    public static void main(String[] args) throws InterruptedException {
        NoRaces[] parts = {new NoRaces(), new NoRaces()};
        Thread[] threads = new Thread[parts.length];
        for (int i = 0; i < parts.length; i++) {
            NoRaces part = parts[i];
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 1000; n++) {
                    part.total += n;
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(parts[0].total + parts[1].total);
    }
}
