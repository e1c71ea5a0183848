package com.pkmnapi.audit.control;

import com.pkmnapi.audit.entity.AuditEvent;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the failed token checks counted but not stored yet when the application stops: those of
 * the last minute. A singleton's own callback, with its own entity manager, because by the time
 * the {@link Audit} bean is destroyed the servers have stopped the EJBs it would write through
 * (Payara: "container is in Undeployed", WildFly: WFLYEE0043); it is destroyed before
 * {@code ApplicationResources}, which shuts an embedded database down. WildFly still has the WAR's
 * data source at this point; Payara Server has removed it, so there the events reach the log only,
 * each with a warning that carries its line.
 */
@Singleton
@Startup
@DependsOn("ApplicationResources")
public class FailedChecksAtShutdown {

    private static final Logger LOG = Logger.getLogger(Audit.LOGGER);

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void storePending() {
        List<AuditEvent> events = audit.takeFailedChecks(Instant.MAX);
        try {
            events.forEach(em::persist);
            em.flush();
        } catch (RuntimeException e) {
            // a callback's exception would only be logged by the server, without the events
            events.forEach(event -> LOG.log(Level.WARNING, e, () -> "Audit event not stored, only logged: " + Audit.line(event)));
            return;
        }
        events.forEach(event -> LOG.info(() -> Audit.line(event)));
    }
}
