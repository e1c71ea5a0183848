package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.SystemPrograms.Program;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Follows the WildFly page (src/site/markdown/wildfly.md) as written: its {@code ```sh wildfly}
 * blocks, in order, in one bash, from the build of the WAR to the undo ({@link ServerPage}). After
 * the page's redeploy, one deployment's classes only may be loaded; after the undo,
 * standalone.xml must be as before but for the difference the page names. Skipped without
 * PostgreSQL on 127.0.0.1:5432, failed under {@code CI=true} (SystemPrograms).
 */
@SystemPrograms.Require(Program.POSTGRESQL_SERVER)
class WildFlyPageIT {

    /** WildFly's ports without an offset (standalone.xml's standard-sockets). */
    private static final int[] WILDFLY_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};

    @Test
    void thePageRunsAsWrittenAndItsUndoLeavesTheConfigurationAsItWas() throws Exception {
        try (ServerPage page = new ServerPage("wildfly-page", "src/site/markdown/wildfly.md", "sh wildfly")) {
            int offset = freeOffset();
            page.replace("$HOME/pkmnapi-wildfly", page.work.toString()).replace("PORT_OFFSET=731", "PORT_OFFSET=" + offset);
            AtomicBoolean redeployed = new AtomicBoolean();
            try (ServerPage.ServerPid server = new ServerPage.ServerPid(page.work.resolve("wildfly.pid"))) {
                page.follow(List.of("JBOSS_HOME", "WILDFLY_HOME", "JBOSS_PIDFILE"), server, page.work.resolve("wildfly.out"),
                        (example, wildFly) -> {
                            if (example.command().contains("undeploy pkmnapi.war")
                                    && example.command().contains("--runtime-name=ROOT.war")) {
                                // the pools whose idle threads hold their last task in a frame: the
                                // web workers (a request) and the EJB threads (a timer's run, once a minute)
                                ServerPage.assertOneDeploymentLoaded(wildFly.pid(),
                                        thread -> thread.startsWith("default task-") || thread.startsWith("EJB default - "));
                                redeployed.set(true);
                            }
                        });
            }
            assertTrue(redeployed.get(), "the page has no block that undeploys and deploys the WAR again");
            ServerPage.assertConfigurationAsBefore(page.work.resolve("standalone.xml.before"),
                    page.work.resolve("wildfly-38.0.1.Final/standalone/configuration/standalone.xml"),
                    List.of("<global-modules/>"));
        }
    }

    /** The page's offset (731) where its ports are free, else the next offset whose ports are. */
    private static int freeOffset() {
        for (int offset = 731; offset < 831; offset++) {
            boolean free = true;
            for (int port : WILDFLY_PORTS) {
                try (ServerSocket socket = new ServerSocket(port + offset, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly between 731 and 830");
    }
}
