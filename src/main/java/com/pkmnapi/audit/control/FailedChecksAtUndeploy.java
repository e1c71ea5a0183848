package com.pkmnapi.audit.control;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Instant;

/**
 * Stores the failed token checks of the unfinished minute when the web module stops, an early
 * step of an undeploy: Payara Server has removed the WAR's data source by the time the EJBs stop
 * ({@link FailedChecksAtShutdown}). Where even this is too late, the counts go to the log, each
 * with a warning that carries its line.
 */
@WebListener
public class FailedChecksAtUndeploy implements ServletContextListener {

    @Inject
    Audit audit;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        audit.storeFailedChecks(Instant.MAX);
    }
}
