/**
 * JDK 21+ thread starts, compiled and run by VirtualThreadsTest on JDK 25. Every access of
 * {@code data} is ordered by a start or a join except the two marked lines, which race.
 */
public class VirtualThreads {
    int data;
    int racy;

    public static void main(String[] args) throws Exception {
        VirtualThreads v = new VirtualThreads();
        v.data = 1;
        Thread reader = Thread.startVirtualThread(() -> v.check(v.data));
        reader.join();
        v.data = 2;
        Thread platform = Thread.ofPlatform().start(() -> v.check(v.data));
        platform.join();
        v.data = 3;
        Thread unstarted = Thread.ofVirtual().unstarted(() -> v.check(v.data));
        unstarted.start();
        unstarted.join();
        v.data = 4;

        Thread a = Thread.ofVirtual().start(() -> v.racy = 1); // RACE
        Thread b = Thread.ofPlatform().start(() -> v.racy = 2); // RACE
        a.join();
        b.join();
        System.out.println("data " + v.data);
    }

    void check(int seen) {
        if (seen == 0) {
            throw new AssertionError("start edge lost");
        }
    }
}
