package dev.racedet.it.attach;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A target that races only after racedet was attached, on a field of an object created (and written)
 * before: its class was loaded and instantiated before the agent came, so its accesses are checked
 * through the side table. A class first loaded after attaching races too, and must get no member.
 * After detaching it races once more, on another field, which must not be reported: the classes run
 * their original code again.
 */
public final class RacyAfterAttach {
    int count;
    int afterDetach;

    public static void main(String[] args) throws Exception {
        RacyAfterAttach box = new RacyAfterAttach();
        box.count = 1;
        Phases.reached("ready");
        Phases.await("go");
        raceOnCount(box);
        LoadedAfterAttach late = new LoadedAfterAttach();
        raceOnLate(late);
        Phases.reached("members " + Arrays.stream(LoadedAfterAttach.class.getDeclaredFields()).map(Field::getName)
                .collect(Collectors.joining(",")));
        Phases.reached("raced");
        Phases.await("detached");
        raceAfterDetach(box);
        Phases.reached("done");
        Phases.await("end");
    }

    private static void raceOnCount(RacyAfterAttach box) throws InterruptedException {
        Phases.inTwoThreads(() -> {
            for (int i = 0; i < 1000; i++) {
                box.count++;
            }
        });
    }

    private static void raceOnLate(LoadedAfterAttach late) throws InterruptedException {
        Phases.inTwoThreads(() -> {
            for (int i = 0; i < 1000; i++) {
                late.value++;
            }
        });
    }

    private static void raceAfterDetach(RacyAfterAttach box) throws InterruptedException {
        Phases.inTwoThreads(() -> {
            for (int i = 0; i < 1000; i++) {
                box.afterDetach++;
            }
        });
    }

    /** Loaded only when the racy phase begins, after attaching. */
    static final class LoadedAfterAttach {
        int value;
    }
}
