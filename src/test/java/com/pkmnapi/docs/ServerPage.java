package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A deploy page (src/site/markdown/wildfly.md, payara-server.md) followed as written, the part its
 * tests share: a copy of this checkout to run in, a fresh working folder with a {@code
 * jdbc-password} file, a fresh PostgreSQL database on 127.0.0.1:5432 (the page's {@code pkmnapi},
 * user {@code postgres}), a GreenMail process as the relay (no login, no TLS), the page's blocks of
 * one kind run in order in one bash ({@link PageShell}), the time to a served API, and the checks
 * after the undo: the server stopped, tables in the database, the server's configuration as before.
 * What the tests replace in the pages, and why, is in tests.md ("The deploy pages are tested").
 */
final class ServerPage implements AutoCloseable {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    /** The longest a block may take: the first builds the WAR, on two busy cores. */
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(10);

    /** What a test checks after a block of the page, with the server's process at hand. */
    interface AfterBlock {
        void check(DocExamples.Example example, ServerPid server) throws Exception;
    }

    final Path root;
    final Path checkout;
    final Path work;
    final String database;
    private final String page;
    private final String info;
    private final Map<String, String> replacements = new LinkedHashMap<>();
    private final GreenMailProcess greenMail;

    /**
     * @param name the folder under target/ ({@code wildfly-page})
     * @param page the page, from the checkout's root
     * @param info the blocks' info string ({@code sh wildfly})
     */
    ServerPage(String name, String page, String info) throws Exception {
        this.root = Path.of(System.getProperty("it.tmp.dir", "target"), name).toAbsolutePath();
        this.page = page;
        this.info = info;
        deleteRecursively(root);
        checkout = root.resolve("checkout");
        work = root.resolve("work");
        Files.createDirectories(work);
        copyCheckout(checkout);
        Files.writeString(work.resolve("jdbc-password"), "not-read-under-trust-authentication\n");
        database = "pkmnapi_page_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        createDatabase(database);
        replace("127.0.0.1:5432/pkmnapi", "127.0.0.1:5432/" + database);
        replace("PKMNAPI_JDBC_USER=pkmnapi", "PKMNAPI_JDBC_USER=postgres");
        greenMail = GreenMailProcess.start(root.resolve("greenmail.log"));
        replace("PKMNAPI_SMTP_PORT=25", "PKMNAPI_SMTP_PORT=" + greenMail.smtpPort);
        replace("TOKEN='pkmn_at_...'", "TOKEN=$(curl -s http://127.0.0.1:" + greenMail.apiPort
                + "/api/user/you@corp.example/messages | grep -o 'pkmn_at_[0-9A-Za-z]*' | tail -n 1)");
    }

    /** Replaces text of the page, in its commands and its answers, before it runs. */
    ServerPage replace(String text, String with) {
        replacements.put(text, with);
        return this;
    }

    /**
     * Runs the page's blocks in order, checking each, and after each {@code afterBlock}; prints the
     * time from the first command to a served API (the first answer 201). Then the page's undo must
     * have stopped the server, and the WAR must have made its tables.
     *
     * @param cleared environment variables a fresh machine does not have (those of the page's
     *     server), beside every {@code PKMNAPI_*}
     * @param serverLog where the server writes, for the failure's message
     */
    void follow(List<String> cleared, ServerPid server, Path serverLog, AfterBlock afterBlock) throws Exception {
        List<DocExamples.Example> examples = DocExamples.of(Files.readString(BASEDIR.resolve(page)), replacements, info);
        assertFalse(examples.isEmpty(), page + " has no blocks marked " + info);
        Path stderr = root.resolve("bash.stderr");
        ProcessBuilder bash = PageShell.bash().directory(checkout.toFile()).redirectError(stderr.toFile());
        bash.environment().keySet().removeIf(name -> name.startsWith("PKMNAPI_") || cleared.contains(name));
        long start = System.nanoTime();
        Long build = null;
        Long served = null;
        try (PageShell shell = new PageShell(bash, BLOCK_TIMEOUT)) {
            for (DocExamples.Example example : examples) {
                try {
                    shell.run(example, page + ", the block at line " + example.line(), List.of(stderr, serverLog));
                } finally {
                    server.look();
                }
                afterBlock.check(example, server);
                if (build == null) {
                    build = System.nanoTime() - start;
                }
                if (served == null && example.expected().filter(answer -> answer.startsWith("HTTP/1.1 201")).isPresent()) {
                    served = System.nanoTime() - start;
                }
            }
        }
        assertTrue(served != null, page + " has no check that answers 201");
        System.out.printf("%s took %d s from its first command to a served API (the first 201),"
                + " of which %d s its first block (the WAR's build); %d s in all, the undo included%n", page,
                TimeUnit.NANOSECONDS.toSeconds(served), TimeUnit.NANOSECONDS.toSeconds(build),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        assertFalse(server.alive(), "the page's undo left the server running");
        assertTablesIn(database);
    }

    @Override
    public void close() throws Exception {
        try {
            greenMail.close();
        } finally {
            dropDatabase(database);
        }
    }

    /** The server a page started, by the process id it recorded, so that a failure stops it too. */
    static final class ServerPid implements AutoCloseable {
        private final Path file;
        private ProcessHandle process;

        ServerPid(Path file) {
            this.file = file;
        }

        /** The process the file names now: after a restart of the domain, the new one. */
        void look() throws IOException {
            if ((process == null || !process.isAlive()) && Files.exists(file)) {
                String pid = Files.readString(file).strip();
                if (!pid.isEmpty()) {
                    process = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
                }
            }
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        long pid() {
            if (!alive()) {
                fail("the server whose process id " + file + " names is not running");
            }
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
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
     * After an undeploy and a deploy: fails unless, in a heap dump taken after two full
     * collections (with the JDK's jcmd, as the server's user), exactly one of the class loaders
     * that loaded the WAR's startup class ({@code platform.Configuration}, loaded by every
     * deployment as it starts) is still reachable ({@link HeapPaths}), so that nothing keeps the
     * first deployment's classes. Where it fails, it names what reaches each loader; the dump stays
     * beside the build.
     *
     * @param idleWorkers the server's own pool threads whose stack frames may hold the last
     *     task they ran (a request, a timer's run) until they take the next (WildFly's JBoss Threads pools do): not
     *     followed as roots
     */
    static void assertOneDeploymentLoaded(long pid, Predicate<String> idleWorkers) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Path heap = Path.of(System.getProperty("it.tmp.dir", "target")).toAbsolutePath().resolve("redeploy-" + pid + ".hprof");
        Files.deleteIfExists(heap);
        jcmd(jcmd, pid, "GC.run");
        jcmd(jcmd, pid, "GC.run");
        jcmd(jcmd, pid, "GC.heap_dump", heap.toString());
        Map<Long, Optional<List<String>>> loaders = HeapPaths.pathsToLoadersOf(heap.toFile(),
                "com.pkmnapi.platform.Configuration", idleWorkers);
        List<List<String>> reachable = loaders.values().stream().flatMap(Optional::stream).toList();
        if (reachable.size() != 1) {
            fail(loaders.size() + " class loaders of the server loaded com.pkmnapi.platform.Configuration after the redeploy, "
                    + reachable.size() + " of them reachable, not 1: the first deployment's classes are kept; what reaches each: "
                    + reachable.stream().map(path -> String.join("\n  ", path)).collect(Collectors.joining("\n\n", "\n  ", ""))
                    + "\n(the heap dump: " + heap + ")");
        }
        Files.delete(heap);
    }

    private static String jcmd(String jcmd, long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(jcmd, String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", line) + " failed: " + output);
        }
        return output;
    }

    /**
     * Fails unless the configuration file after the undo is the copy made before, but for lines the
     * page says the undo leaves (compared stripped, order kept).
     */
    static void assertConfigurationAsBefore(Path before, Path after, List<String> allowedNewLines) throws IOException {
        List<String> was = Files.readAllLines(before);
        List<String> is = new ArrayList<>(Files.readAllLines(after));
        List<String> added = new ArrayList<>(is);
        added.removeAll(was);
        List<String> removed = new ArrayList<>(was);
        removed.removeAll(is);
        is.removeIf(line -> allowedNewLines.contains(line.strip()) && !was.contains(line));
        if (!is.equals(was)) {
            fail(after.getFileName() + " after the undo differs from the copy made before, beyond " + allowedNewLines
                    + ": lines added " + added + ", lines gone " + removed);
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
