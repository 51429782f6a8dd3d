package com.ext;

/** Part of an optional library: the application is compiled against it, and runs without it. */
public interface Handle {
    void lock();

    void unlock();
}
