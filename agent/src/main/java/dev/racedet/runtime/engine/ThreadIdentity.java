package dev.racedet.runtime.engine;

import java.lang.ref.WeakReference;

/**
 * Who made an access, for reports: kept in shadow state beside each recorded epoch, because a clock
 * slot is shared over time by several threads. Small on purpose (a weak reference and the name the
 * thread had when racedet first saw it), so shadow state of a terminated thread does not keep its
 * clock or its {@code Thread} alive.
 */
public final class ThreadIdentity {
    private final WeakReference<Thread> thread;
    /**
     * The thread's name when racedet first saw it, or {@code null} for an unnamed JDK thread (a
     * virtual thread), whose name is made from {@link #threadId} when needed: 100,000 virtual
     * threads need no 100,000 strings.
     */
    private final String nameAtCreation;
    private final long threadId;
    /**
     * Where the thread was started, as {@link CallingContexts#record} stores an access (the starting
     * thread's context and its last call site), or -1 if racedet did not see it start. Written once,
     * before the thread runs.
     */
    public volatile int startedAt = -1;
    /** The thread's last events, for the timeline of a report. Written only by the thread itself. */
    public final RecentEvents recent = new RecentEvents();

    public ThreadIdentity(Thread thread, String fallbackName) {
        this.thread = new WeakReference<>(thread);
        this.threadId = thread == null ? -1 : idOf(thread);
        this.nameAtCreation = thread == null ? fallbackName : givenName(thread);
    }

    /** The thread's current name, or its name when first seen if it has been collected. */
    public String name() {
        Thread t = thread.get();
        String name = t != null ? givenName(t) : nameAtCreation;
        return name != null ? name : "unnamed thread #" + threadId;
    }

    /**
     * The thread's name, {@code null} for an unnamed thread of the JDK's own classes (virtual
     * threads are unnamed by default: {@link #name} names them by id rather than print ""), or
     * "unnamed thread" for an application's subclass. {@code getName} is final in {@code Thread};
     * {@code getId} is not (before JDK 19), so it is only called on the JDK's own thread classes,
     * never on an application's subclass.
     */
    private static String givenName(Thread t) {
        String name = t.getName(); // null while the JVM is still attaching the thread
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return isJdkThread(t) ? null : "unnamed thread";
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same number
    private static long idOf(Thread t) {
        return isJdkThread(t) ? t.getId() : -1;
    }

    private static boolean isJdkThread(Thread t) {
        return t.getClass().getName().startsWith("java.lang.");
    }
}
