package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pkmnapi.testsupport.SystemPrograms;
import com.pkmnapi.testsupport.SystemPrograms.Program;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Follows the WildFly page (src/site/markdown/wildfly.md) as written: its {@code ```sh wildfly}
 * blocks, in order, in one bash, from the build of the WAR to the undo, on a fresh PostgreSQL
 * database and with a GreenMail process as the relay (no login, no TLS); each block must end with
 * status 0 and print what the page shows after it. Then standalone.xml must be as before but for
 * the differences the page names. What the test replaces in the page, and why, is in tests.md
 * ("The WildFly page is tested"). Skipped without PostgreSQL on 127.0.0.1:5432, failed under
 * {@code CI=true} (SystemPrograms).
 */
@SystemPrograms.Require(Program.POSTGRESQL_SERVER)
class WildFlyPageIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final Path ROOT = Path.of(System.getProperty("it.tmp.dir", "target"), "wildfly-page");
    private static final String PAGE = "src/site/markdown/wildfly.md";
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    /** The longest a block may take: the first builds the WAR, on two busy cores. */
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(10);
    /** WildFly's ports without an offset (standalone.xml's standard-sockets). */
    private static final int[] WILDFLY_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    /** What the undo may leave in standalone.xml, as the page says: the emptied list of global modules. */
    private static final List<String> ALLOWED_NEW_LINES = List.of("<global-modules/>");

    @Test
    void thePageRunsAsWrittenAndItsUndoLeavesTheConfigurationAsItWas() throws Exception {
        deleteRecursively(ROOT);
        Path checkout = ROOT.resolve("checkout");
        Path work = ROOT.resolve("work").toAbsolutePath();
        Files.createDirectories(work);
        copyCheckout(checkout);
        Files.writeString(work.resolve("jdbc-password"), "not-read-under-trust-authentication\n");

        String database = "pkmnapi_page_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        int offset = freeOffset();
        Map<String, String> replacements = new LinkedHashMap<>();
        replacements.put("$HOME/pkmnapi-wildfly", work.toString());
        replacements.put("PORT_OFFSET=731", "PORT_OFFSET=" + offset);
        replacements.put("127.0.0.1:5432/pkmnapi", "127.0.0.1:5432/" + database);
        replacements.put("PKMNAPI_JDBC_USER=pkmnapi", "PKMNAPI_JDBC_USER=postgres");

        createDatabase(database);
        ServerPid server = new ServerPid(work.resolve("wildfly.pid"));
        Path stderr = ROOT.resolve("bash.stderr");
        ProcessBuilder bash = PageShell.bash().directory(checkout.toFile()).redirectError(stderr.toFile());
        // a fresh machine: none of the settings or servers of the shell that runs the build
        bash.environment().keySet().removeIf(name -> name.startsWith("PKMNAPI_")
                || name.equals("JBOSS_HOME") || name.equals("WILDFLY_HOME") || name.equals("JBOSS_PIDFILE"));
        try (GreenMailProcess greenMail = GreenMailProcess.start(ROOT.resolve("greenmail.log"))) {
            replacements.put("PKMNAPI_SMTP_PORT=25", "PKMNAPI_SMTP_PORT=" + greenMail.smtpPort);
            replacements.put("TOKEN='pkmn_at_...'", "TOKEN=$(curl -s http://127.0.0.1:" + greenMail.apiPort
                    + "/api/user/you@corp.example/messages | grep -o 'pkmn_at_[0-9A-Za-z]*' | tail -n 1)");
            List<DocExamples.Example> examples = DocExamples.of(Files.readString(BASEDIR.resolve(PAGE)), replacements, "sh wildfly");
            assertFalse(examples.isEmpty(), PAGE + " has no blocks marked sh wildfly");
            long start = System.nanoTime();
            Long build = null;
            Long served = null;
            try (PageShell shell = new PageShell(bash, BLOCK_TIMEOUT)) {
                for (DocExamples.Example example : examples) {
                    try {
                        shell.run(example, PAGE + ", the block at line " + example.line(),
                                stderr + " and " + work.resolve("wildfly.out"));
                    } finally {
                        server.look();
                    }
                    if (build == null) {
                        build = System.nanoTime() - start;
                    }
                    if (served == null && example.expected().filter(answer -> answer.startsWith("HTTP/1.1 201")).isPresent()) {
                        served = System.nanoTime() - start;
                    }
                }
            }
            assertTrue(served != null, PAGE + " has no check that answers 201");
            System.out.printf("WildFlyPageIT: %s took %d s from its first command to a served API (the first 201),"
                    + " of which %d s its first block (the WAR's build); %d s in all, the undo included%n", PAGE,
                    TimeUnit.NANOSECONDS.toSeconds(served), TimeUnit.NANOSECONDS.toSeconds(build),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            assertFalse(server.alive(), "the page's undo left WildFly running");
            assertTablesIn(database);
            assertConfigurationAsBefore(work.resolve("standalone.xml.before"),
                    work.resolve("wildfly-38.0.1.Final/standalone/configuration/standalone.xml"));
        } finally {
            server.stop();
            dropDatabase(database);
        }
    }

    /** The WildFly the page started, by the process id it recorded, so that a failure stops it too. */
    private static final class ServerPid {
        private final Path file;
        private ProcessHandle process;

        ServerPid(Path file) {
            this.file = file;
        }

        void look() throws IOException {
            if (process == null && Files.exists(file)) {
                String pid = Files.readString(file).strip();
                if (!pid.isEmpty()) {
                    process = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
                }
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        void stop() throws InterruptedException {
            if (alive()) {
                process.destroy();
                try {
                    process.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /**
     * What the page's build needs of this checkout (the pom, the sources, the server scripts), in
     * a folder of its own: the page's {@code mvn package} must not rewrite this build's target/.
     */
    private static void copyCheckout(Path checkout) throws IOException {
        Files.createDirectories(checkout);
        Files.copy(BASEDIR.resolve("pom.xml"), checkout.resolve("pom.xml"));
        for (String folder : List.of("src/main", "server-config")) {
            Path from = BASEDIR.resolve(folder);
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Path to = checkout.resolve(folder).resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(path, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    private static void assertConfigurationAsBefore(Path before, Path after) throws IOException {
        List<String> was = Files.readAllLines(before);
        List<String> is = new ArrayList<>(Files.readAllLines(after));
        List<String> added = new ArrayList<>(is);
        added.removeAll(was);
        List<String> removed = new ArrayList<>(was);
        removed.removeAll(is);
        is.removeIf(line -> ALLOWED_NEW_LINES.contains(line.strip()) && !was.contains(line));
        if (!is.equals(was)) {
            fail("standalone.xml after the undo differs from the copy made before, beyond " + ALLOWED_NEW_LINES
                    + ": lines added " + added + ", lines gone " + removed);
        }
    }

    private static void assertTablesIn(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertTrue(tables.getInt(1) > 0, "the WAR made no tables in " + database);
        }
    }

    private static void createDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.executeUpdate("CREATE DATABASE " + name);
        }
    }

    private static void dropDatabase(String name) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop the page's database " + name + ": " + e.getMessage());
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

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
