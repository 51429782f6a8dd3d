package dev.racedet.it.instrumentation;

import java.lang.instrument.Instrumentation;

/**
 * A tiny agent listed before racedet on the command line (so this class loads before racedet's
 * transformer exists): it only keeps the {@link Instrumentation}, for a program that retransforms
 * classes the way Mockito's inline mock maker does.
 */
public final class RetransformAgent {
    static volatile Instrumentation instrumentation;
    int premainCalls;

    public static void premain(String options, Instrumentation inst) {
        RetransformAgent agent = new RetransformAgent();
        agent.premainCalls++;
        instrumentation = inst;
    }
}
