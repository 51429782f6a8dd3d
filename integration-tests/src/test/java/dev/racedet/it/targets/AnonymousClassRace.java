package dev.racedet.it.targets;

/**
 * The racing tasks are anonymous classes capturing a local variable. The captured reference is a
 * synthetic final field ({@code val$box}) and is never reported; the accesses to {@code box.count}
 * inside the anonymous {@code run} methods are unordered and race.
 */
public class AnonymousClassRace {

    static final class Box {
        int count;
    }

    public static void main(String[] args) throws Exception {
        Box box = new Box();
        int[] seen = new int[1];

        Runnable writer = new Runnable() {
            @Override
            public void run() {
                box.count = 3; // RACE
            }
        };
        Runnable reader = new Runnable() {
            @Override
            public void run() {
                seen[0] = box.count; // RACE
            }
        };

        Racers.race(writer, reader);

        if (box.count != 3) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
