package com.pkmnapi.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash in which a page's examples run in turn, as a reader pastes them into one shell (what a
 * block exports, the next sees), each checked: it must end with status 0 within the time given, and
 * print what the page shows after it ({@link DocExamples#differences}).
 */
final class PageShell implements AutoCloseable {

    private static final String DONE = "@@page-block-done@@";
    private static final int TAIL_LINES = 40;

    private final Process bash;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Duration blockTimeout;

    /** @param builder a bash without profile or rc files, its stderr sent to a file */
    PageShell(ProcessBuilder builder, Duration blockTimeout) throws IOException {
        this.bash = builder.start();
        this.in = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        this.blockTimeout = blockTimeout;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // bash is gone; the next poll times out
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static ProcessBuilder bash() {
        return new ProcessBuilder("bash", "--noprofile", "--norc");
    }

    /**
     * Runs the example, its stdin from /dev/null (no command of a page reads the rest of the
     * script), and fails where it ends otherwise than with 0 or answers otherwise than the page.
     *
     * @param where the page and line, for the failure's message
     * @param seeAlso where else to look when it fails (the shell's stderr, a server's log): the
     *     failure's message ends with the last lines of each, as a CI log shows no more
     */
    void run(DocExamples.Example example, String where, List<Path> seeAlso) throws IOException, InterruptedException {
        in.write("{\n" + example.command() + "} </dev/null\nprintf '\\n" + DONE + " %d\\n' $?\n");
        in.flush();
        StringBuilder output = new StringBuilder();
        int status = awaitDone(output, where);
        if (status != 0) {
            fail(where + " ended with " + status + "; it printed:\n" + output + tails(seeAlso));
        }
        if (example.expected().isPresent()) {
            List<String> differences = DocExamples.differences(example.expected().get(), output.toString());
            if (!differences.isEmpty()) {
                fail(where + " answered otherwise than the page shows: " + differences
                        + "\nthe command:\n" + example.command() + "printed:\n" + output);
            }
        }
    }

    private static String tails(List<Path> files) {
        StringBuilder tails = new StringBuilder();
        for (Path file : files) {
            tails.append("the last lines of ").append(file).append(":\n");
            try {
                List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(line -> tails.append(line).append('\n'));
            } catch (IOException | UncheckedIOException unreadable) {
                tails.append("(unreadable: ").append(unreadable).append(")\n");
            }
        }
        return tails.toString();
    }

    private int awaitDone(StringBuilder output, String where) throws InterruptedException {
        long deadline = System.nanoTime() + blockTimeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail(where + " did not end within " + blockTimeout.toSeconds() + " s; it printed:\n" + output);
            }
            if (line.startsWith(DONE)) {
                return Integer.parseInt(line.substring(DONE.length()).strip());
            }
            output.append(line).append('\n');
        }
    }

    @Override
    public void close() throws InterruptedException {
        bash.destroy();
        bash.waitFor(10, TimeUnit.SECONDS);
    }
}
