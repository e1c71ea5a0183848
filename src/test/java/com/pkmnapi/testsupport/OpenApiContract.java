package com.pkmnapi.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.pkmnapi.platform.ClasspathText;
import com.pkmnapi.platform.OpenApiResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service's OpenAPI description ({@code openapi.json}, as the WAR serves it) held against
 * every request and response that the HTTP tests exchange through {@link Api}, with Atlassian's
 * swagger-request-validator, at the end of each test, so that the build fails where code and
 * description drift:
 * <ul>
 * <li>every response must be one the description gives for its operation and status: body,
 * media type and the headers it declares required;</li>
 * <li>a request the description calls invalid (a missing attribute, no bearer token, a body
 * that is not the envelope) must be refused with a 4xx;</li>
 * <li>a request outside the description (an unknown path, a method a path does not take) must
 * be answered 404 or 405.</li>
 * </ul>
 */
public final class OpenApiContract {

    /** Requests whose request-side findings say the request lies outside the description. */
    private static final Set<String> NOT_DESCRIBED = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");
    /** The test deployment's own helpers (testsupport.container), which are not the service's. */
    private static final String TEST_SUPPORT = "/test-support/";
    /** Request bodies are kept for validation up to this many bytes (the service takes 16 KiB). */
    private static final int KEPT_BODY_BYTES = 64 * 1024;
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(description())
            .build();
    private static final AtomicLong EXCHANGES = new AtomicLong();

    static {
        // how much of the suite the description held against, for the record (the build's
        // console does not show what a test JVM prints as it ends)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of("target", "openapi-validated-exchanges.txt"), EXCHANGES.get() + "\n");
            } catch (IOException e) {
                System.err.println("Could not write the count of validated exchanges: " + e);
            }
        }));
    }

    private OpenApiContract() {
    }

    /** The description as the WAR serves it (its version placeholder aside). */
    public static String description() {
        return ClasspathText.read(OpenApiResource.class, OpenApiResource.FILE);
    }

    /** A body publisher that keeps a copy of what it sends, for {@link #record}. */
    static RecordingPublisher recording(BodyPublisher body) {
        return new RecordingPublisher(body);
    }

    /**
     * Takes one exchange for validation at the end of the test ({@link AfterEachTest}): validating
     * costs the test JVM milliseconds of CPU, which must not land inside the tests' own timings
     * (token checks during a stall, deletion answers for holders and non-holders).
     *
     * @param base the deployment's base URL: paths are taken relative to it
     */
    static void record(URI base, HttpRequest request, RecordingPublisher body, HttpResponse<String> response) {
        Pending.EXCHANGES.add(new Exchange(base, request, body, response));
    }

    /** Validates every exchange recorded so far; throws an AssertionError naming the findings. */
    public static void validatePending() {
        List<String> findings = new ArrayList<>();
        for (Exchange exchange = Pending.EXCHANGES.poll(); exchange != null; exchange = Pending.EXCHANGES.poll()) {
            try {
                validate(exchange.base(), exchange.request(), exchange.body(), exchange.response());
            } catch (AssertionError finding) {
                findings.add(finding.getMessage());
            }
        }
        if (!findings.isEmpty()) {
            throw new AssertionError(String.join("\n", findings));
        }
    }

    private static void validate(URI base, HttpRequest request, RecordingPublisher body, HttpResponse<String> response) {
        String path = "/" + base.relativize(request.uri()).getRawPath();
        if (path.startsWith(TEST_SUPPORT)) {
            return;
        }
        Request.Method method = Request.Method.valueOf(request.method());
        SimpleRequest.Builder validated = new SimpleRequest.Builder(method, path);
        request.headers().map().forEach((name, values) -> validated.withHeader(name, name.equalsIgnoreCase("Authorization")
                ? values.stream().map(OpenApiContract::schemeAsWritten).toList() : values));
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                validated.withQueryParam(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
            }
        }
        byte[] sent = body.bytes();
        if (sent.length > 0) {
            validated.withBody(sent);
        }
        ValidationReport requestReport = VALIDATOR.validateRequest(validated.build());
        int status = response.statusCode();
        String exchange = request.method() + " " + path + " -> " + status;
        if (requestReport.getMessages().stream().anyMatch(message -> NOT_DESCRIBED.contains(message.getKey()))) {
            if (status != 404 && status != 405) {
                throw new AssertionError("OpenAPI: " + exchange + ", but the description has no such operation"
                        + ", so the answer must be 404 or 405: " + describe(requestReport));
            }
            EXCHANGES.incrementAndGet();
            return;
        }
        if (requestReport.hasErrors() && (status < 400 || status >= 500)) {
            throw new AssertionError("OpenAPI: " + exchange + ", but the description calls the request invalid, "
                    + "so it must be refused with a 4xx: " + describe(requestReport));
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(status);
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport responseReport = VALIDATOR.validateResponse(path, method, answer.build());
        if (responseReport.hasErrors()) {
            throw new AssertionError("OpenAPI: " + exchange + " is not what the description gives: "
                    + describe(responseReport) + "\nbody: " + response.body());
        }
        EXCHANGES.incrementAndGet();
    }

    /**
     * Authentication schemes are case-insensitive (RFC 9110, 11.1), and so is the service; the
     * validator compares the scheme as the description writes it, {@code Bearer}.
     */
    private static String schemeAsWritten(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + authorization.substring(7) : authorization;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .map(message -> "[" + message.getKey() + "] " + message.getMessage())
                .collect(Collectors.joining("; "));
    }

    private record Exchange(URI base, HttpRequest request, RecordingPublisher body, HttpResponse<String> response) {
    }

    /**
     * The exchanges not yet validated, apart from the validator, so that a test without any (the
     * unit tests) never builds one.
     */
    private static final class Pending {

        static final Queue<Exchange> EXCHANGES = new ConcurrentLinkedQueue<>();
    }

    /**
     * Validates the exchanges of each test when it ends, and those of a class's all-methods set-up
     * and tear-down when the class ends; a finding fails that test (or class). Registered for every
     * test class by the JUnit extension auto-detection (src/test/resources).
     */
    public static final class AfterEachTest implements AfterEachCallback, AfterAllCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            if (!Pending.EXCHANGES.isEmpty()) {
                validatePending();
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            afterEach(context);
        }
    }

    /** Sends what the wrapped publisher sends, keeping the first bytes of it. */
    static final class RecordingPublisher implements BodyPublisher {

        private final BodyPublisher delegate;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        RecordingPublisher(BodyPublisher delegate) {
            this.delegate = delegate;
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        private synchronized void keep(ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            int length = Math.min(copy.remaining(), KEPT_BODY_BYTES - kept.size());
            if (length > 0) {
                byte[] part = new byte[length];
                copy.get(part);
                kept.write(part, 0, length);
            }
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    keep(item);
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }
}
