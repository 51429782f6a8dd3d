package com.acme.lib;

/** Public fields, so that code of another module accesses them directly. */
public final class Account {
    public int balance;
    public int audits;

    public void deposit(int amount) {
        balance += amount; // RACE
    }
}
