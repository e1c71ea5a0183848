package com.pkmnapi.accesstokens.control;

import com.pkmnapi.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends the mails through the container-managed mail session named by the setting
 * {@code pkmnapi.mail.session}. Looked up at start, so a wrong name stops the deployment instead of
 * the first request.
 */
@ApplicationScoped
public class Mailer {

    @Inject
    Settings settings;

    private MailComposer composer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // the observer makes the bean, and so its lookup, eager
    }

    @PostConstruct
    void lookUpSession() {
        Session session;
        try {
            session = (Session) new InitialContext().lookup(settings.mailSession());
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No mail session at " + settings.mailSession()
                    + " (setting " + Settings.MAIL_SESSION + ")", e);
        }
        try {
            composer = new MailComposer(session, new InternetAddress(settings.mailFrom(), true));
        } catch (AddressException e) {
            throw new IllegalStateException("Setting " + Settings.MAIL_FROM + " is not a mail address: "
                    + settings.mailFrom(), e);
        }
    }

    public void sendAccessToken(EmailAddress to, String token) {
        try {
            Transport.send(composer.accessToken(to, token));
        } catch (MessagingException e) {
            throw new MailNotSent(e);
        }
    }

    public void sendDeletionCode(EmailAddress to, String code, URI confirmation, Duration lifetime) {
        try {
            Transport.send(composer.deletionCode(to, code, confirmation, lifetime));
        } catch (MessagingException e) {
            throw new MailNotSent(e);
        }
    }
}
