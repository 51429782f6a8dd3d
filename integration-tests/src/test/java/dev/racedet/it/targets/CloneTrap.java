package dev.racedet.it.targets;

/**
 * Trap: {@code clone()} copies every field of an object, racedet's per-object state included. The
 * clone and its original are different objects, so racers that each write only their own copy
 * never race, even though the clone started life with the original's state.
 */
public class CloneTrap {

    static final class Point implements Cloneable {
        int x;

        void move(int to) {
            x = to;
        }

        @Override
        public Point clone() {
            try {
                return (Point) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Point original = new Point();
        original.move(1); // gives the original its state before it is copied
        Point copy = original.clone();

        Racers.race(
                () -> original.move(2),
                () -> copy.move(3));

        if (original.x != 2 || copy.x != 3) { // after join: ordered
            throw new AssertionError("clone shares storage");
        }
    }
}
