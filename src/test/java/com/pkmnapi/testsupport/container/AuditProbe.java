package com.pkmnapi.testsupport.container;

import com.pkmnapi.audit.control.Audit;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The audit trail as an operator sees it, for tests that drive the service from outside:
 * {@code GET} gives every row of the table and every line written to the audit log since
 * deployment; {@code POST} stores the refusals and failed token checks counted so far, as the
 * minute's timer would once the minute ends.
 */
@WebServlet(urlPatterns = AuditProbe.PATH, loadOnStartup = 1)
public class AuditProbe extends HttpServlet {

    public static final String PATH = "/test-support/audit";

    private static final long serialVersionUID = 1L;
    private static final Lines LINES = new Lines();

    @Inject
    Audit audit;

    @Inject
    DatabaseProbe database;

    @Override
    public void init() {
        Logger.getLogger(Audit.LOGGER).addHandler(LINES);
    }

    @Override
    public void destroy() {
        Logger.getLogger(Audit.LOGGER).removeHandler(LINES);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        audit.storeCounted(Instant.MAX);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (List<String> event : database.auditEvents()) {
            JsonArrayBuilder row = Json.createArrayBuilder();
            event.forEach(value -> {
                if (value == null) {
                    row.addNull();
                } else {
                    row.add(value);
                }
            });
            rows.add(row);
        }
        JsonArrayBuilder log = Json.createArrayBuilder();
        synchronized (LINES) {
            LINES.lines.forEach(log::add);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("rows", rows).add("log", log).build().toString());
    }

    private static final class Lines extends Handler {

        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
