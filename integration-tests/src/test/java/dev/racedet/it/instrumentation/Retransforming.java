package dev.racedet.it.instrumentation;

import dev.racedet.it.targets.Racers;
import java.lang.instrument.Instrumentation;

/**
 * Retransforms a class racedet instrumented at first load, a class loaded before racedet's
 * transformer was registered, and itself, then races on a field of the first: every
 * retransformation must succeed and the race must still be found.
 */
public final class Retransforming {
    public static void main(String[] args) throws Exception {
        RetransformedCounter counter = new RetransformedCounter();
        counter.bump();
        Instrumentation inst = RetransformAgent.instrumentation;
        inst.retransformClasses(RetransformedCounter.class, RetransformAgent.class, Retransforming.class);
        inst.retransformClasses(RetransformedCounter.class);
        Racers.race(counter::bump, counter::bump);
        System.out.println("retransformed");
    }
}
