package dev.racedet.it.targets;

/**
 * Two inner (non-static) class instances reach their outer instance's field through the synthetic
 * {@code this$0} reference. That reference is final and never reported; the accesses to the outer
 * {@code total} field are unordered and race.
 */
public class InnerClassRace {

    private int total;

    final class Adder implements Runnable {
        @Override
        public void run() {
            total = 99; // RACE
        }
    }

    final class Checker implements Runnable {
        int observed;

        @Override
        public void run() {
            observed = total; // RACE
        }
    }

    public static void main(String[] args) throws Exception {
        InnerClassRace outer = new InnerClassRace();
        Adder adder = outer.new Adder();
        Checker checker = outer.new Checker();

        Racers.race(adder, checker);

        if (outer.total != 99) { // after join: ordered
            throw new AssertionError("lost write");
        }
    }
}
