package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.Mailbox;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Makes an address's mailbox row, in a transaction of its own that commits before the caller locks
 * the row (a lock on a row that does not exist yet locks nothing). The caller keeps first requests
 * for one address on this server apart ({@link AddressLocks}), so that only first requests on two
 * servers at once can race to insert: the primary key lets one win, and the loser finds the
 * winner's row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Mailboxes {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * @return false if the row could not be made now (another server's request made it first, or
     *         held it too long): the caller looks again
     */
    public boolean create(String normalizedAddress) {
        if (em.find(Mailbox.class, normalizedAddress) != null) {
            return true;
        }
        try {
            em.persist(new Mailbox(normalizedAddress));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            return false;
        }
    }
}
