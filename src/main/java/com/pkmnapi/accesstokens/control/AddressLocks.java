package com.pkmnapi.accesstokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Locks of this server for addresses, striped by hash: first requests for one new address on one
 * server make its row one after the other, instead of racing to insert it. Across servers the
 * database's primary key decides.
 */
@ApplicationScoped
public class AddressLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public AddressLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * Runs the action under the address's lock, if it can be had within the wait.
     *
     * @return the action's result
     * @throws MailboxBusy if the lock could not be had in time
     */
    public boolean underLock(String normalizedAddress, long waitMillis, BooleanSupplier action) {
        ReentrantLock lock = locks[Math.floorMod(normalizedAddress.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new MailboxBusy(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxBusy(e);
        }
        try {
            return action.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }
}
