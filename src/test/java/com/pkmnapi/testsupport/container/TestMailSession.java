package com.pkmnapi.testsupport.container;

import jakarta.ejb.Singleton;
import jakarta.mail.MailSessionDefinition;

/**
 * The mail sessions the server uses in the tests (arquillian.xml sets {@code pkmnapi.mail.session}
 * to one): SMTP to the GreenMail server of the test JVM, or to its misbehaving SMTP server.
 */
@MailSessionDefinition(
        name = TestMailSession.NAME,
        host = "127.0.0.1",
        transportProtocol = "smtp",
        properties = {
            "mail.smtp.port=" + TestPorts.SMTP,
            "mail.smtp.connectiontimeout=3000",
            "mail.smtp.timeout=5000"
        })
@MailSessionDefinition(
        name = TestMailSession.SLOW,
        host = "127.0.0.1",
        transportProtocol = "smtp",
        properties = {
            "mail.smtp.port=" + TestPorts.SLOW_SMTP,
            "mail.smtp.connectiontimeout=3000",
            "mail.smtp.timeout=5000"
        })
@Singleton
public class TestMailSession {

    public static final String NAME = "java:app/mail/test";
    /** To the misbehaving SMTP server of the test JVM, for container {@code slow}. */
    public static final String SLOW = "java:app/mail/slow";
}
