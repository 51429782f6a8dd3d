package dev.racedet.it.targets.juc;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Trap: {@code java.util.Timer} schedule → run. {@code schedule} inserts the task into the timer's
 * queue under the queue's monitor and the timer thread takes it out under the same monitor, so
 * main's writes before {@code schedule} happen-before the task. The task hands its result back
 * through a {@code CountDownLatch}.
 */
public class TimerScheduleTrap {
    private String request;
    private int answer;

    public static void main(String[] args) throws Exception {
        TimerScheduleTrap state = new TimerScheduleTrap();
        Timer timer = new Timer("timer", true);
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            state.request = "request";
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    state.answer += state.request.length();
                    done.countDown();
                }
            }, 1);
            while (done.getCount() != 2 - i) {
                Thread.onSpinWait();
            }
        }
        done.await();
        timer.cancel();
        if (state.answer != 21) {
            throw new AssertionError("answer " + state.answer);
        }
    }
}
