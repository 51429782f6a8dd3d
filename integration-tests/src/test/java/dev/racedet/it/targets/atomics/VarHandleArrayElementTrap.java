package dev.racedet.it.targets.atomics;

import dev.racedet.it.targets.Racers;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Trap: {@code MethodHandles.arrayElementVarHandle} with {@code setRelease}/{@code getAcquire} and
 * {@code compareAndSet} on elements of an {@code Object[]} ring. Each slot is claimed by a CAS and
 * filled by a release store; the consumer acquires the same slot, so the message's plain fields
 * written before the store are visible to it.
 */
public class VarHandleArrayElementTrap {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static final class Message {
        int id;
        String text;
    }

    public static void main(String[] args) throws Exception {
        Object[] ring = new Object[8];
        Object claimed = new Object();
        int[] sum = new int[1];
        Racers.race(
                () -> {
                    for (int i = 0; i < 8; i++) {
                        if (!SLOT.compareAndSet(ring, i, null, claimed)) {
                            throw new IllegalStateException("slot taken");
                        }
                        Message m = new Message();
                        m.id = i;
                        m.text = "m";
                        SLOT.setRelease(ring, i, m);
                    }
                },
                () -> {
                    for (int i = 0; i < 8; i++) {
                        Object o;
                        while (!((o = SLOT.getAcquire(ring, i)) instanceof Message)) {
                            Thread.onSpinWait();
                        }
                        Message m = (Message) o;
                        sum[0] += m.id + m.text.length();
                    }
                });
        if (sum[0] != 28 + 8) {
            throw new AssertionError("sum " + sum[0]);
        }
    }
}
