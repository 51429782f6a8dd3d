package dev.racedet.it.targets.juc;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trap: a parallel stream over objects created by main. Each element is processed by exactly one
 * worker, which writes only that element's fields; the terminal operation orders every worker's
 * actions before it returns (ForkJoin join), and main's writes before the stream starts happen-before
 * the workers' reads (task submission).
 */
public class ParallelStreamTrap {
    static final class Cell {
        int input;
        int squared;
    }

    public static void main(String[] args) {
        List<Cell> cells = IntStream.range(0, 2000).mapToObj(i -> {
            Cell c = new Cell();
            c.input = i;
            return c;
        }).collect(Collectors.toList());
        long sum = cells.parallelStream().peek(c -> c.squared = c.input * c.input)
                .mapToLong(c -> c.squared).sum();
        long check = 0;
        for (Cell c : cells) {
            check += c.squared;
        }
        if (sum != check || sum != 2664667000L) {
            throw new AssertionError("sum " + sum);
        }
    }
}
