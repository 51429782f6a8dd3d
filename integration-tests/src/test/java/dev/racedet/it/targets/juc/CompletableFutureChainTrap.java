package dev.racedet.it.targets.juc;

import java.util.concurrent.CompletableFuture;

/**
 * Trap: {@code supplyAsync} → {@code thenApply} → {@code thenCombine} → {@code join}. Each stage's
 * action happens-before the dependent stage's action, and completion happens-before {@code join}
 * returns. Stages run on the common pool and pass mutable objects whose plain fields each stage
 * writes once and later stages read.
 */
public class CompletableFutureChainTrap {
    static final class Doc {
        String text;
        int words;
        boolean indexed;
    }

    public static void main(String[] args) {
        for (int round = 0; round < 20; round++) {
            CompletableFuture<Doc> parsed = CompletableFuture.supplyAsync(() -> {
                Doc d = new Doc();
                d.text = "a b c d";
                return d;
            }).thenApplyAsync(d -> {
                d.words = d.text.split(" ").length;
                return d;
            });
            CompletableFuture<Doc> other = CompletableFuture.supplyAsync(() -> {
                Doc d = new Doc();
                d.text = "e f";
                d.words = 2;
                return d;
            });
            Doc merged = parsed.thenCombine(other, (a, b) -> {
                Doc m = new Doc();
                m.text = a.text + " " + b.text;
                m.words = a.words + b.words;
                return m;
            }).thenApply(m -> {
                m.indexed = true;
                return m;
            }).join();
            if (merged.words != 6 || !merged.indexed || merged.text.length() != 11) {
                throw new AssertionError("chain broken");
            }
        }
    }
}
