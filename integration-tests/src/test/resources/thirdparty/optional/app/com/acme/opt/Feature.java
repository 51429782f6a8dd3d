package com.acme.opt;

import com.ext.Config;
import com.ext.Experimental;
import com.ext.Handle;
import com.ext.Worker;

/**
 * A class of an application whose optional library ({@code com.ext}) is absent at run time: the
 * class is annotated with one of its annotations and has a method using its types, a lock call, a
 * field and a thread start, that only runs when the library is there (never in this program). The
 * JVM loads and runs the class regardless. {@code uses} races; {@code safeUses} is a trap.
 */
@Experimental
public final class Feature {
    int uses;
    private int safeUses;

    void use() {
        uses++; // RACE
    }

    synchronized void useSafely() {
        safeUses++;
    }

    synchronized int safeUses() {
        return safeUses;
    }

    /** Only called when the optional library is present. */
    @Experimental
    int export(Handle handle, Config config, Worker worker) {
        handle.lock();
        try {
            worker.start();
            return config.level;
        } finally {
            handle.unlock();
        }
    }
}
