package com.pkmnapi.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * This deployment's {@link SmtpSockets} in a mail session's properties, and the values they
 * replaced, put back by {@link #close()} when the application stops. A server-defined session
 * (WildFly's {@code mail-session}, say) outlives the deployment and is shared with the next one:
 * left in its properties, an instance of this WAR's class would keep the old deployment's class
 * loader alive, and the next deployment would wrap it instead of the server's own factory.
 */
final class SessionSockets implements AutoCloseable {

    private static final List<String> PROPERTIES = List.of("mail.smtp.socketFactory", "mail.smtps.socketFactory");

    private final Properties properties;
    /** What each property held before, null where it was not set. */
    private final Map<String, Object> replaced = new HashMap<>();

    private SessionSockets(Properties properties) {
        this.properties = properties;
    }

    /** The sockets of both SMTP flavours, so that a conversation can be cut off at its deadline. */
    static SessionSockets install(Properties properties) {
        SessionSockets installed = new SessionSockets(properties);
        for (String name : PROPERTIES) {
            Object configured = properties.get(name);
            installed.replaced.put(name, configured);
            SocketFactory delegate = configured instanceof SocketFactory factory ? factory : SocketFactory.getDefault();
            properties.put(name, new SmtpSockets(delegate));
        }
        return installed;
    }

    /** Puts back what the session held before, where this deployment's sockets are still in place. */
    @Override
    public void close() {
        replaced.forEach((name, before) -> {
            if (properties.get(name) instanceof SmtpSockets) {
                if (before == null) {
                    properties.remove(name);
                } else {
                    properties.put(name, before);
                }
            }
        });
    }
}
