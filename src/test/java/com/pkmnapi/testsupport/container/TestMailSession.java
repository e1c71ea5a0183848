package com.pkmnapi.testsupport.container;

import jakarta.ejb.Singleton;
import jakarta.mail.MailSessionDefinition;

/**
 * The mail session the server uses in the tests (arquillian.xml sets
 * {@code pkmnapi.mail.session} to it): SMTP to the GreenMail server of the test JVM.
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
@Singleton
public class TestMailSession {

    public static final String NAME = "java:app/mail/test";
}
