package com.pkmnapi.testsupport.container;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records, inside the server, what would alarm whoever reads its log: records at WARNING or above,
 * and any record that carries a stack trace. Tests that drive the service from outside read them at
 * {@value #PATH}{@code ?since=N} (the records numbered N and later, and the next number). A handler
 * on the root logger rather than the server's output: the managed container's stdout is shared by
 * every line of the boot and not reliably ordered with the HTTP answers.
 */
@WebServlet(urlPatterns = ServerLogRecorder.PATH, loadOnStartup = 1)
public class ServerLogRecorder extends HttpServlet {

    public static final String PATH = "/test-support/server-log";

    private static final long serialVersionUID = 1L;
    private static final Recorder RECORDER = new Recorder();

    /** Loaded at deployment, so that it records from the first request on. */
    @Override
    public void init() {
        Logger.getLogger("").addHandler(RECORDER);
    }

    @Override
    public void destroy() {
        Logger.getLogger("").removeHandler(RECORDER);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String since = request.getParameter("since");
        int from = since == null ? 0 : Integer.parseInt(since);
        JsonArrayBuilder records = Json.createArrayBuilder();
        int next;
        synchronized (RECORDER) {
            next = RECORDER.lines.size();
            RECORDER.lines.subList(Math.min(from, next), next).forEach(records::add);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("next", next)
                .add("records", records)
                .build().toString());
    }

    private static final class Recorder extends Handler {

        private final List<String> lines = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue() && record.getThrown() == null) {
                return;
            }
            String line = record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage();
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line += "\n" + trace;
            }
            synchronized (this) {
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
