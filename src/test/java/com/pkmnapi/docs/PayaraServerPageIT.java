package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.SystemPrograms.Program;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Follows the Payara Server page (src/site/markdown/payara-server.md) as written: its {@code ```sh
 * payara-server} blocks, in order, in one bash, from the build of the WAR to the undo ({@link
 * ServerPage}). After the page's redeploy, one deployment's classes only may be loaded. The
 * configuration as {@code asadmin get '*'} prints it, and the domain's lib/, are read right after
 * the domain starts and again after the undo: nothing may be gone or changed, and what is new may
 * only be the defaults Payara writes itself at the first deploy of any application. Run by
 * .ci/run ({@code mvn verify -Ppostgres -Dit.test=PayaraServerPageIT}); skipped without PostgreSQL
 * on 127.0.0.1:5432, failed under {@code CI=true} (SystemPrograms).
 */
@SystemPrograms.Require({Program.POSTGRESQL_SERVER, Program.UNZIP})
class PayaraServerPageIT {

    /** The ports of a domain made with --portbase, from the base (create-domain prints them). */
    private static final int[] DOMAIN_PORTS = {48, 80, 76, 37, 81, 38, 39, 86, 66, 9, 49, 59};
    /**
     * What Payara writes into a domain's configuration itself, at the first deploy of any
     * application: the keys of the defaults it adds then (seen with Payara Server 6.2025.10).
     */
    private static final List<String> PAYARA_DEFAULTS = List.of(
            "configs.config.server-config.ejb-container.",
            "configs.config.server-config.cdi-service.",
            "configs.config.server-config.microprofile-openapi-configuration.",
            "configs.config.server-config.web-container.",
            "resources.managed-thread-factory.concurrent/__defaultManagedThreadFactory.",
            "servers.server.server.resource-ref.concurrent/__defaultManagedThreadFactory.");

    @Test
    void thePageRunsAsWrittenAndItsUndoLeavesTheConfigurationAsItWas() throws Exception {
        try (ServerPage page = new ServerPage("payara-server-page", "src/site/markdown/payara-server.md", "sh payara-server")) {
            int base = freePortBase();
            page.replace("$HOME/pkmnapi-payara", page.work.toString()).replace("PORT_BASE=10700", "PORT_BASE=" + base);
            Path domain = page.work.resolve("payara6/glassfish/domains/pkmnapi");
            Path asadmin = page.work.resolve("payara6/bin/asadmin");
            List<String> before = new ArrayList<>();
            List<String> libBefore = new ArrayList<>();
            boolean[] seen = new boolean[3];
            try (ServerPage.ServerPid server = new ServerPage.ServerPid(domain.resolve("config/pid"))) {
                page.follow(List.of("PAYARA_HOME", "AS_ADMIN_USER", "AS_ADMIN_PASSWORDFILE"), server,
                        domain.resolve("logs/server.log"), (example, payara) -> {
                            String command = example.command();
                            if (command.contains("asadmin start-domain pkmnapi")) {
                                before.addAll(configuration(asadmin, base));
                                libBefore.addAll(listing(domain.resolve("lib")));
                                seen[0] = true;
                            } else if (command.contains("asadmin undeploy pkmnapi") && command.contains("asadmin deploy ")) {
                                ServerPage.assertOneDeploymentLoaded(payara.pid(), thread -> false);
                                seen[1] = true;
                            } else if (command.contains("remove.asadmin")) {
                                assertOnlyPayaraDefaultsAdded(before, configuration(asadmin, base));
                                assertEquals(libBefore, listing(domain.resolve("lib")), "the domain's lib/ after the undo");
                                seen[2] = true;
                            }
                        });
            }
            assertTrue(seen[0] && seen[1] && seen[2], "the page lacks a block that starts the domain, one that"
                    + " undeploys and deploys the WAR again, or one that runs remove.asadmin");
        }
    }

    private static void assertOnlyPayaraDefaultsAdded(List<String> before, List<String> after) {
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        added.removeIf(line -> PAYARA_DEFAULTS.stream().anyMatch(line::startsWith));
        if (!gone.isEmpty() || !added.isEmpty()) {
            fail("the configuration after the undo is not the one before (asadmin get '*'): gone or changed " + gone
                    + ", new beyond Payara's own defaults " + added);
        }
    }

    /** Every configuration value of the running domain, one {@code name=value} a line. */
    private static List<String> configuration(Path asadmin, int base) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(asadmin.toString(), "--port", String.valueOf(base + 48), "get", "*")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("asadmin get '*' failed: " + output);
        }
        return output.lines().filter(line -> line.contains("=")).toList();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }

    /** The page's base (10700) where its ports are free, else the next base (by 100) whose ports are. */
    private static int freePortBase() {
        for (int base = 10700; base < 20000; base += 100) {
            boolean free = true;
            for (int port : DOMAIN_PORTS) {
                try (ServerSocket socket = new ServerSocket(base + port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for Payara Server between 10700 and 19900");
    }
}
