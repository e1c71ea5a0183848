package com.pkmnapi.audit.control;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Instant;

/**
 * Stores the counted refusals and failed token checks of the unfinished minute when the web module stops, an early
 * step of an undeploy. Later is too late: by the time the {@link Audit} bean is destroyed the
 * servers have stopped the EJBs it writes through (Payara: "container is in Undeployed", WildFly:
 * WFLYEE0043), and by the time EJB singletons are, Payara Server has removed the WAR's data source
 * (RAR5114). Where even this fails, the counts go to the log, each with a warning that carries its
 * line.
 */
@WebListener
public class CountedEventsAtUndeploy implements ServletContextListener {

    @Inject
    Audit audit;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        audit.storeCounted(Instant.MAX);
    }
}
