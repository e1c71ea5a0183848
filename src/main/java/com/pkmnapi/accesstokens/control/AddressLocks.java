package com.pkmnapi.accesstokens.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Locks of this server for addresses that have no row yet, striped by hash and held until the
 * current transaction ends: first requests for one new address on one server make its row one
 * after the other, instead of racing to insert it (a row lock cannot be taken on a row that does
 * not exist). Across servers the database's primary key decides.
 */
@ApplicationScoped
public class AddressLocks {

    private static final int STRIPES = 64;

    private final Semaphore[] stripes = new Semaphore[STRIPES];

    @Resource
    TransactionSynchronizationRegistry transactions;

    public AddressLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Semaphore(1);
        }
    }

    /**
     * Takes the address's lock until the current transaction has ended, committed or not.
     *
     * @return whether another request held it first (which may have made the row meanwhile)
     * @throws MailboxBusy if it could not be had within the wait
     */
    public boolean lockUntilTransactionEnds(String normalizedAddress, long waitMillis) {
        Semaphore stripe = stripes[Math.floorMod(normalizedAddress.hashCode(), STRIPES)];
        boolean waited = false;
        try {
            if (!stripe.tryAcquire()) {
                waited = true;
                if (!stripe.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new MailboxBusy(null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxBusy(e);
        }
        try {
            transactions.registerInterposedSynchronization(new Release(stripe));
        } catch (RuntimeException e) {
            stripe.release();
            throw e;
        }
        return waited;
    }

    /** Gives the stripe back when the transaction ends, on whichever thread ends it. */
    private record Release(Semaphore stripe) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // the row is written by then; the lock goes only once it is committed or rolled back
        }

        @Override
        public void afterCompletion(int status) {
            // committed or rolled back alike: the row is there for the next request, or not
            stripe.release();
        }
    }
}
