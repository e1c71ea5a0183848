package com.pkmnapi.testsupport.container;

/**
 * Ports of the tests' GreenMail server, which runs in the test JVM. Not GreenMail's usual 3025, so
 * that a development server started with {@code mvn -Prun} does not get in the way.
 */
public final class TestPorts {

    public static final int SMTP = 3125;
    public static final int POP3 = 3210;
    /** The misbehaving SMTP server of the test JVM (SlowSmtpServer). */
    public static final int SLOW_SMTP = 3126;

    private TestPorts() {
    }
}
