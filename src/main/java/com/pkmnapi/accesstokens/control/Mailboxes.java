package com.pkmnapi.accesstokens.control;

import com.pkmnapi.accesstokens.entity.Mailbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Makes sure an address has its mailbox row, in a transaction of its own, so that the caller can
 * then lock that row. Two first requests for one address may race to insert it: the primary key
 * lets one win, and the loser finds the winner's row.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Mailboxes {

    @PersistenceContext
    EntityManager em;

    public void ensureExists(String normalizedAddress) {
        if (em.find(Mailbox.class, normalizedAddress) != null) {
            return;
        }
        try {
            em.persist(new Mailbox(normalizedAddress));
            em.flush();
        } catch (PersistenceException lostTheRace) {
            // the other request's row is there now; this transaction is marked for rollback and ends
        }
    }
}
