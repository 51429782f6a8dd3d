package dev.racedet.it.targets;

/**
 * Trap: an object is built by one racer (plain field writes on the new object) and published by
 * storing it into a volatile reference field. The other racer spins until the reference is
 * non-null and then reads the object's plain fields, which the volatile write/read orders after the
 * construction.
 */
public class VolatileReferencePublicationTrap {

    static final class Snapshot {
        int version;
        long checksum;
        String label;
    }

    private volatile Snapshot published;

    void build() {
        Snapshot s = new Snapshot();
        s.version = 3;
        s.checksum = 0xCAFEL;
        s.label = "v3";
        published = s;
    }

    long readWhenReady() {
        Snapshot s;
        while ((s = published) == null) {
            Thread.onSpinWait();
        }
        long v = s.version;
        long c = s.checksum;
        String l = s.label;
        return v + c + l.length();
    }

    public static void main(String[] args) throws Exception {
        VolatileReferencePublicationTrap holder = new VolatileReferencePublicationTrap();
        new Snapshot(); // initializes Snapshot in main
        long[] seen = new long[1];

        Racers.race(
                holder::build,
                () -> seen[0] = holder.readWhenReady());

        if (seen[0] != 3 + 0xCAFEL + 2) {
            throw new AssertionError("not published");
        }
    }
}
