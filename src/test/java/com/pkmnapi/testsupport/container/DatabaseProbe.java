package com.pkmnapi.testsupport.container;

import com.pkmnapi.accesstokens.entity.AccessToken;
import com.pkmnapi.accesstokens.entity.Mailbox;
import com.pkmnapi.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and bends the database behind the service's back, for in-container tests. */
@Stateless
public class DatabaseProbe {

    @PersistenceContext
    EntityManager em;

    public List<String> tokenDigests(String normalizedAddress) {
        return em.createNativeQuery("SELECT DIGEST FROM ACCESS_TOKEN WHERE EMAIL_ADDRESS = ?1 ORDER BY DATE_CREATE")
                .setParameter(1, normalizedAddress)
                .getResultList()
                .stream().map(String::valueOf).toList();
    }

    public String deletionCodeDigest(String normalizedAddress) {
        List<?> rows = em.createNativeQuery("SELECT DELETION_CODE_DIGEST FROM MAILBOX WHERE EMAIL_ADDRESS = ?1")
                .setParameter(1, normalizedAddress)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : rows.get(0).toString();
    }

    public boolean hasMailbox(String normalizedAddress) {
        return !em.createNativeQuery("SELECT EMAIL_ADDRESS FROM MAILBOX WHERE EMAIL_ADDRESS = ?1")
                .setParameter(1, normalizedAddress).getResultList().isEmpty();
    }

    /** Every value of every row of the three tables, as text, to search for secrets. */
    public List<String> everyStoredValue() {
        List<String> values = new ArrayList<>();
        for (String table : List.of("ACCESS_TOKEN", "MAILBOX", "AUDIT_EVENT")) {
            for (Object row : em.createNativeQuery("SELECT * FROM " + table).getResultList()) {
                if (row instanceof Object[] columns) {
                    for (Object column : columns) {
                        values.add(String.valueOf(column));
                    }
                } else {
                    values.add(String.valueOf(row));
                }
            }
        }
        return values;
    }

    /** As if the address's last mails had been sent that much earlier: ends its re-send windows. */
    public void moveMailTimesBack(String normalizedAddress, long seconds) {
        String[] columns = {"dateLastTokenMail", "dateLastDeletionRequest"};
        for (Object[] times : em.createQuery("SELECT m.dateLastTokenMail, m.dateLastDeletionRequest FROM Mailbox m"
                + " WHERE m.emailAddress = :emailAddress", Object[].class)
                .setParameter("emailAddress", normalizedAddress)
                .getResultList()) {
            // one column at a time, and only where it is set: a null parameter would go to
            // PostgreSQL untyped, which it refuses for a TIMESTAMP column
            for (int i = 0; i < columns.length; i++) {
                if (times[i] != null) {
                    em.createQuery("UPDATE Mailbox m SET m." + columns[i] + " = :time WHERE m.emailAddress = :emailAddress")
                            .setParameter("time", ((Instant) times[i]).minusSeconds(seconds))
                            .setParameter("emailAddress", normalizedAddress)
                            .executeUpdate();
                }
            }
        }
    }

    public void expireDeletionCode(String normalizedAddress) {
        em.createQuery("UPDATE Mailbox m SET m.dateDeletionCodeExpire = :expires WHERE m.emailAddress = :emailAddress")
                .setParameter("emailAddress", normalizedAddress)
                .setParameter("expires", Instant.now().minusSeconds(1))
                .executeUpdate();
    }

    /** Locks the address's row, as a request does, and keeps it locked for that long. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void holdMailboxLock(String normalizedAddress, long millis) throws InterruptedException {
        em.find(Mailbox.class, normalizedAddress, LockModeType.PESSIMISTIC_WRITE);
        Thread.sleep(millis);
    }

    /**
     * Stores tokens for the address without mailing them (their secrets are thrown away), used
     * once a minute ago where {@code used}, else never used.
     */
    public void addTokens(String normalizedAddress, int count, Instant expires, boolean used) {
        for (int i = 0; i < count; i++) {
            String digest = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            AccessToken token = new AccessToken(normalizedAddress, digest, Instant.now(), expires, null);
            em.persist(token);
            if (used) {
                em.flush();
                em.createNamedQuery(AccessToken.RECORD_USE)
                        .setParameter("id", token.id())
                        .setParameter("now", Instant.now().minusSeconds(60))
                        .setParameter("recordedBefore", Instant.now())
                        .executeUpdate();
            }
        }
    }

    /** Every audit event: id, kind, outcome, token id, address, client address, occurrences, as text. */
    public List<List<String>> auditEvents() {
        List<List<String>> events = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT ID, KIND, OUTCOME, TOKEN_ID, EMAIL_ADDRESS, CLIENT_ADDRESS, OCCURRENCES"
                + " FROM AUDIT_EVENT ORDER BY ID").getResultList()) {
            events.add(java.util.Arrays.stream((Object[]) row).map(value -> value == null ? null : value.toString()).toList());
        }
        return events;
    }

    /** Stores an event as if it had happened at that time. */
    public String addAuditEvent(Instant time, String emailAddress) {
        AuditEvent event = new AuditEvent(time, "token_issued", "success", null, emailAddress, "192.0.2.1", 1);
        em.persist(event);
        return event.id();
    }

    /** As if the address's tokens had been issued that much earlier. */
    public void moveTokenCreationBack(String normalizedAddress, long seconds) {
        for (AccessToken token : em.createQuery("SELECT t FROM AccessToken t WHERE t.emailAddress = :emailAddress",
                AccessToken.class).setParameter("emailAddress", normalizedAddress).getResultList()) {
            em.createQuery("UPDATE AccessToken t SET t.dateCreate = :created WHERE t.id = :id")
                    .setParameter("created", token.created().minusSeconds(seconds))
                    .setParameter("id", token.id())
                    .executeUpdate();
        }
    }
}
