package bench.objects;

/**
 * An allocation-heavy loop: each worker creates many short-lived small objects (2-D points, a
 * segment of two points, an event record), writes a few fields, reads them back, and keeps the last
 * few thousand events in a private ring buffer, so most objects escape the loop and die young in the
 * nursery instead of being scalar-replaced. It measures what a detector adds to every new object and
 * first field write (shadow state, if any, created eagerly). Objects per second are printed as
 * information on an "info" line; the result line only has the checksum.
 * <p>
 * Arguments: iterations per thread (default 80,000,000), threads (default 2).
 */
public final class Alloc {

    private static final int RING = 4096;

    private Alloc() {
    }

    /** A 2-D point with integer coordinates. */
    static final class Point {
        private final int x;
        private final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        int getX() {
            return x;
        }

        int getY() {
            return y;
        }

        Point translate(int dx, int dy) {
            return new Point(x + dx, y + dy);
        }
    }

    /** A segment between two points. */
    static final class Segment {
        private final Point from;
        private final Point to;

        Segment(Point from, Point to) {
            this.from = from;
            this.to = to;
        }

        long lengthSquared() {
            long dx = to.getX() - from.getX();
            long dy = to.getY() - from.getY();
            return dx * dx + dy * dy;
        }

        Point getFrom() {
            return from;
        }
    }

    /** An event with mutable status, the kind of record a program logs and later revisits. */
    static final class Event {
        private final long time;
        private final Segment where;
        private int status;
        private Event cause;

        Event(long time, Segment where) {
            this.time = time;
            this.where = where;
        }

        long getTime() {
            return time;
        }

        Segment getWhere() {
            return where;
        }

        int getStatus() {
            return status;
        }

        void setStatus(int status) {
            this.status = status;
        }

        Event getCause() {
            return cause;
        }

        void setCause(Event cause) {
            this.cause = cause;
        }
    }

    /** Objects created per iteration of {@link #work}: two points from the constructor, one from translate, the segment, the event. */
    private static final int OBJECTS_PER_ITERATION = 5;

    public static void main(String[] args) {
        int iterations = Workload.intArg(args, 0, 80_000_000);
        int threadCount = Workload.intArg(args, 1, 2);

        long[] checks = new long[threadCount];
        Thread[] threads = new Thread[threadCount];
        long start = System.nanoTime();
        for (int i = 0; i < threadCount; i++) {
            int id = i;
            threads[i] = new Thread(() -> checks[id] = work(id, iterations), "alloc-" + i);
            threads[i].start();
        }
        Workload.joinAll(threads);
        double seconds = (System.nanoTime() - start) / 1e9;

        long checksum = Workload.seed();
        for (long check : checks) {
            checksum = Workload.mix(checksum, check);
        }
        long objects = (long) OBJECTS_PER_ITERATION * iterations * threadCount;
        System.out.printf("info objects/s %.0f (%d objects in %.2f s)%n", objects / seconds, objects, seconds);
        Workload.printResult("alloc", checksum);
    }

    private static long work(int id, int iterations) {
        Event[] ring = new Event[RING];
        long check = id;
        for (int i = 0; i < iterations; i++) {
            Point a = new Point(i & 1023, (i >>> 10) & 1023);
            Point b = new Point(id, i % 977).translate(3, -2);
            Event event = new Event(i, new Segment(a, b));
            int slot = i & (RING - 1);
            Event old = ring[slot];
            if (old != null) {
                // Revisit the event this one evicts: read its fields, then drop its link so that
                // nothing outside the ring stays reachable.
                check += old.getWhere().lengthSquared() + old.getStatus() + old.getWhere().getFrom().getX();
                if (old.getCause() != null) {
                    check += old.getCause().getTime() & 3;
                    old.setCause(null);
                }
            }
            if ((i & 7) == 0) {
                event.setCause(ring[(i - 1) & (RING - 1)]);
            }
            event.setStatus((int) (check & 15));
            ring[slot] = event;
        }
        for (Event event : ring) {
            if (event != null && event.getCause() != null) {
                check = Workload.mix(check, event.getCause().getTime());
            }
        }
        return check;
    }
}
