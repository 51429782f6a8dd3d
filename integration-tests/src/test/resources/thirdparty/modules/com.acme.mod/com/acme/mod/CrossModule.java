package com.acme.mod;

import com.acme.lib.Account;

/**
 * Races on a field of a class of another named module ({@code com.acme.lib}, which opens nothing):
 * one racer writes {@code Account.balance} directly from this module, the other through the
 * library's own method, so every report pairs the two lines. Trap: {@code Account.audits}, only
 * touched while holding the account's monitor.
 */
public final class CrossModule {
    private static final int ROUNDS = 5_000;

    public static void main(String[] args) throws Exception {
        Account account = new Account();
        Gate.race(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                account.balance++; // RACE
            }
            audit(account);
        }, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                account.deposit(1);
            }
            audit(account);
        });
        synchronized (account) {
            System.out.println("audits " + account.audits);
        }
    }

    private static void audit(Account account) {
        for (int i = 0; i < ROUNDS; i++) {
            synchronized (account) {
                account.audits++;
            }
        }
    }
}
