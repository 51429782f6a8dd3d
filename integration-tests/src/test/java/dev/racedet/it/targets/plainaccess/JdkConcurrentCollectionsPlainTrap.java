package dev.racedet.it.targets.plainaccess;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedTransferQueue;

/**
 * Trap: four threads hammer a {@code ConcurrentLinkedQueue}, a {@code ConcurrentHashMap} and a
 * {@code LinkedTransferQueue}, whose implementations make plain {@code VarHandle} accesses that
 * race on purpose (relaxed node writes); between those calls each thread makes plain
 * {@code VarHandle} accesses of its own, on objects it alone uses, including calls that throw
 * before their access (a {@code null} holder) and calls on a static field's handle (not checked).
 * The JDK's own plain accesses are never checked, whatever the application's calls around them:
 * no race.
 */
public class JdkConcurrentCollectionsPlainTrap {
    private static final VarHandle VALUE;
    private static final VarHandle SHARED;
    private static int sharedStatic;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VALUE = lookup.findVarHandle(Box.class, "value", int.class);
            SHARED = lookup.findStaticVarHandle(JdkConcurrentCollectionsPlainTrap.class, "sharedStatic", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws Exception {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
        LinkedTransferQueue<Integer> transfer = new LinkedTransferQueue<>();
        Runnable worker = () -> {
            Box own = new Box();
            for (int i = 0; i < 3000; i++) {
                VALUE.set(own, i);
                queue.offer(i);
                try {
                    VALUE.set((Box) null, i);
                } catch (NullPointerException expected) {
                    // the mark of a call that threw before its access must not check the JDK's next one
                }
                transfer.offer(i);
                map.merge(i % 64, 1, Integer::sum);
                int v = (int) VALUE.get(own) + (int) SHARED.get();
                queue.poll();
                transfer.poll();
                map.computeIfAbsent(v % 128, k -> k);
            }
        };
        Racers.race(worker, worker, worker, worker);
        if (map.get(0) == null) {
            throw new AssertionError("map");
        }
    }
}
