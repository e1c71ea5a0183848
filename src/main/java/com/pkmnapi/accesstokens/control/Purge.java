package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.Mailbox;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes, every ten minutes, what no longer serves: tokens past their expiry, their maximum
 * lifetime or (never used) their unused lifetime; deletion codes past their lifetime; and the rows
 * of addresses that keep nothing any more, so that addresses named once do not stay for ever.
 * Each server of a cluster runs it; the work is the same whoever does it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Purge {

    private static final Logger LOG = Logger.getLogger(Purge.class.getName());
    /** Idle rows removed per run at most, each in a short transaction of its own. */
    static final int IDLE_ROWS_PER_RUN = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenLedger ledger;

    @Inject
    TokenPolicy policy;

    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void run() {
        Instant now = clock.instant();
        int tokens = ledger.purgeExpired(now);
        int rows = 0;
        for (String address : idleAddresses(now)) {
            try {
                ledger.removeIfIdle(address);
                rows++;
            } catch (EJBException e) {
                // a row busy or gone meanwhile: the next run looks again
                LOG.log(Level.FINE, "Purge skipped a row", e);
            }
        }
        int idleRows = rows;
        LOG.fine(() -> "Purge: " + tokens + " expired token(s) deleted, " + idleRows + " idle address row(s) looked at");
    }

    private List<String> idleAddresses(Instant now) {
        return em.createNamedQuery(Mailbox.IDLE, String.class)
                .setParameter("windowStart", now.minus(policy.resendWindow()))
                .setMaxResults(IDLE_ROWS_PER_RUN)
                .getResultList();
    }
}
