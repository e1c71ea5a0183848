package com.pkmnapi.audit.control;

import com.pkmnapi.audit.entity.AuditEvent;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The table of audit events. An event is stored in the caller's transaction where there is one
 * (a revocation and its event commit together, or neither does) and in one of its own otherwise
 * (a refusal, whose own transaction was rolled back); its log line follows the commit.
 */
@Stateless
public class AuditStore {

    private static final Logger LOG = Logger.getLogger(AuditStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> stored;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    AuditSettings settings;

    public void save(Collection<AuditEvent> events) {
        for (AuditEvent event : events) {
            em.persist(event);
            stored.fire(event);
        }
    }

    /** The counts of events stored already, each with its log line again. */
    public void recount(Collection<AuditEvent> events) {
        for (AuditEvent event : events) {
            stored.fire(em.merge(event));
        }
    }

    /** Up to {@code limit} events of the address, newest first, before the event {@code before} if given. */
    public List<AuditEvent> eventsOf(String emailAddress, Optional<String> before, int limit) {
        TypedQuery<AuditEvent> query = before
                .map(id -> em.createNamedQuery(AuditEvent.OLDER_OF, AuditEvent.class).setParameter("before", id))
                .orElseGet(() -> em.createNamedQuery(AuditEvent.NEWEST_OF, AuditEvent.class));
        return query.setParameter("emailAddress", emailAddress).setMaxResults(limit).getResultList();
    }

    /** Deletes the events that happened before the instant; returns how many. */
    public int purgeBefore(Instant before) {
        return em.createNamedQuery(AuditEvent.DELETE_BEFORE).setParameter("before", before).executeUpdate();
    }

    /**
     * Every ten minutes, the events older than {@code pkmnapi.audit.retention.days}. Each server
     * of a cluster runs it; the work is the same whoever does it.
     */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    public void purge() {
        int events = purgeBefore(clock.instant().minus(settings.retention()));
        LOG.fine(() -> "Purge: " + events + " audit event(s) past their retention deleted");
    }

    /** Each minute, the counted refusals and failed token checks of the minutes that have ended. */
    @Schedule(second = "5", minute = "*", hour = "*", persistent = false)
    public void storeCounted() {
        audit.storeCounted(clock.instant());
    }
}
