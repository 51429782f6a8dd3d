package com.acme.opt;

/** Extends a class whose class file cannot be found by name at run time. {@code calls} races. */
public final class Plugin extends GeneratedBase {
    int calls;

    void call() {
        calls++; // RACE
    }
}
