package com.pkmnapi.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

class SessionSocketsTest {

    @Test
    void theSessionGetsTheSocketsAndLosesThemWhenTheApplicationStops() {
        Properties session = new Properties();
        session.setProperty("mail.smtp.host", "127.0.0.1");

        SessionSockets sockets = SessionSockets.install(session);
        assertInstanceOf(SmtpSockets.class, session.get("mail.smtp.socketFactory"));
        assertInstanceOf(SmtpSockets.class, session.get("mail.smtps.socketFactory"));

        sockets.close();
        assertFalse(session.containsKey("mail.smtp.socketFactory"), "nothing of this deployment stays in the session");
        assertFalse(session.containsKey("mail.smtps.socketFactory"));
        assertEquals("127.0.0.1", session.getProperty("mail.smtp.host"), "the server's own properties stay");
    }

    @Test
    void aFactoryTheServerConfiguredIsWrappedAndPutBack() {
        SocketFactory servers = SocketFactory.getDefault();
        Properties session = new Properties();
        session.put("mail.smtp.socketFactory", servers);

        SessionSockets.install(session).close();

        assertSame(servers, session.get("mail.smtp.socketFactory"));
        assertFalse(session.containsKey("mail.smtps.socketFactory"));
    }

    @Test
    void theNextDeploymentWrapsTheServersFactoryNotTheLastDeploymentsSockets() {
        Properties session = new Properties();
        SessionSockets first = SessionSockets.install(session);
        Object firstSockets = session.get("mail.smtp.socketFactory");
        first.close();

        SessionSockets.install(session);

        Object next = session.get("mail.smtp.socketFactory");
        assertInstanceOf(SmtpSockets.class, next);
        assertFalse(next == firstSockets);
        assertSame(SocketFactory.getDefault(), ((SmtpSockets) next).delegate(), "wraps the default, not the first deployment's");
    }

    /**
     * As on a server: the session belongs to the server, the sockets to a deployment's own class
     * loader. Once that deployment stops, no object of its classes is left in the session, so
     * the session does not keep the loader (and every class of the WAR) alive.
     */
    @Test
    void noObjectOfAStoppedDeploymentStaysInTheSession() throws Exception {
        Properties session = new Properties();
        URL classes = SessionSockets.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader deployment = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Method install = deployment.loadClass(SessionSockets.class.getName()).getDeclaredMethod("install", Properties.class);
            install.setAccessible(true);
            AutoCloseable installed = (AutoCloseable) install.invoke(null, session);
            assertTrue(session.values().stream().anyMatch(value -> value.getClass().getClassLoader() == deployment),
                    "the deployment's sockets are in the session while it runs");

            installed.close();

            assertTrue(session.values().stream().noneMatch(value -> value.getClass().getClassLoader() == deployment),
                    "none once it has stopped: " + session);
        }
    }
}
