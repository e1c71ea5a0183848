package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.container.ServerLogRecorder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The warnings and stack traces the server under test logged, as {@link ServerLogRecorder} keeps
 * them, read from the test JVM: each {@link #assertQuiet} looks at what was logged since the last.
 */
public final class ServerLog {

    private final Api api;
    private int next;

    /** Starts from now: what the server logged before is not looked at. */
    public ServerLog(Api api) {
        this.api = api;
        this.next = read(Integer.MAX_VALUE).getInt("next");
    }

    /** Fails, with the records, if the server logged a warning or a stack trace since the last look. */
    public void assertQuiet(String after) {
        List<String> records = records();
        assertTrue(records.isEmpty(), () -> "the server logged, after " + after + ":\n" + String.join("\n", records));
    }

    /**
     * The same, after giving the server this long to finish (what goes wrong with a broken
     * connection is logged after the client has seen its end, on another thread), but for the
     * records that the test knows the server itself writes, out of the WAR's reach: each tolerated
     * one given by the start of its text ("LEVEL logger: message").
     */
    public void assertQuietAfter(Duration settle, String after, List<String> tolerated) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        List<String> records = records().stream()
                .filter(record -> tolerated.stream().noneMatch(record::startsWith))
                .toList();
        assertTrue(records.isEmpty(), () -> "the server logged, after " + after + ":\n" + String.join("\n", records));
    }

    /** What was logged since the last look. */
    private List<String> records() {
        JsonObject log = read(next);
        next = log.getInt("next");
        return log.getJsonArray("records").getValuesAs(JsonString::getString);
    }

    private JsonObject read(int since) {
        String path = ServerLogRecorder.PATH.substring(1) + "?since=" + since;
        HttpResponse<String> response = api.send("GET", path, BodyPublishers.noBody());
        assertEquals(200, response.statusCode(), response::body);
        return Api.json(response);
    }
}
