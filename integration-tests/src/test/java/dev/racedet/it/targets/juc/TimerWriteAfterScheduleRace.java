package dev.racedet.it.targets.juc;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Race: main writes the task's input after scheduling it. The timer's queue orders main's actions
 * before {@code schedule} with the task, not the later write; main takes no lock of the timer
 * between {@code schedule} and the write.
 */
public class TimerWriteAfterScheduleRace {
    private int limit;

    public static void main(String[] args) throws Exception {
        TimerWriteAfterScheduleRace state = new TimerWriteAfterScheduleRace();
        Timer timer = new Timer("timer", true);
        CountDownLatch done = new CountDownLatch(1);
        int[] seen = new int[1];
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                seen[0] = state.limit; // RACE
                done.countDown();
            }
        }, 1);
        state.limit = 10; // RACE
        done.await();
        timer.cancel();
    }
}
