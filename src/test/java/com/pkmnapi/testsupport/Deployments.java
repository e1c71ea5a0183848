package com.pkmnapi.testsupport;

import com.pkmnapi.testsupport.container.TestPorts;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test is the one the build made (target/pkmnapi.war), not a copy assembled from
 * classes, plus the in-container test helpers. Making it starts the tests' SMTP server.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        TestSmtpServer.ensureStarted();
        File war = new File(System.getProperty("it.war", "target/pkmnapi.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addPackage(TestPorts.class.getPackage());
    }
}
