package dev.racedet.it.targets;

/**
 * Trap: ordering through {@code Thread.start} (and the matching join). Main writes the shared
 * {@code config} before the racers start. Each racer then writes its own input field, starts a
 * child thread that reads the config and the input and writes its output field, joins the child,
 * and reads the output. Everything a parent did before {@code start()} happens-before the child,
 * and the child's writes happen-before the parent's return from {@code join()}. The two racers use
 * disjoint fields of the same object.
 */
public class StartEdgeTrap {

    private int config;
    private int inputA;
    private int outputA;
    private int inputB;
    private int outputB;

    int runA() throws InterruptedException {
        inputA = 10;
        Thread child = new Thread(() -> outputA = inputA * config, "child-a");
        child.start();
        child.join();
        return outputA;
    }

    int runB() throws InterruptedException {
        inputB = 20;
        Thread child = new Thread(() -> outputB = inputB * config, "child-b");
        child.start();
        child.join();
        return outputB;
    }

    public static void main(String[] args) throws Exception {
        StartEdgeTrap shared = new StartEdgeTrap();
        shared.config = 3;
        int[] seen = new int[2];

        Racers.race(
                Racers.unchecked(() -> seen[0] = shared.runA()),
                Racers.unchecked(() -> seen[1] = shared.runB()));

        if (seen[0] != 30 || seen[1] != 60 || shared.outputA + shared.outputB != 90) {
            throw new AssertionError("wrong results");
        }
    }
}
