package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.Deployments;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.SlowSmtpServer;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service while its SMTP server is slow, silent, refusing or down, on a server that sends
 * through the test JVM's {@link SlowSmtpServer} (arquillian.xml, container {@code slow}: a 4 s mail
 * deadline, retries after 1, 2, 4 and 8 s, a 5 s re-send window, no token cache). No lock, connection or
 * transaction waits for the SMTP server: token checks stay fast, nothing answers 500, and what the
 * mail server did not take leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
class SlowMailIT {

    private static final Duration DEADLINE = Duration.ofSeconds(4);
    private static final int MAX_IN_FLIGHT = 16;

    @Deployment(testable = false)
    @TargetsContainer("slow")
    static WebArchive deployment() {
        SlowSmtpServer.ensureStarted();
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    Api api;
    SlowSmtpServer smtp;

    @BeforeEach
    void client() {
        api = new Api(base).overLoopback();
        smtp = SlowSmtpServer.ensureStarted();
        smtp.behave();
    }

    @AfterEach
    void behave() {
        smtp.behave();
    }

    @Test
    void aTokenVerifiesBeforeItsMailHasEvenBeenAccepted() throws Exception {
        String address = Addresses.fresh("arrives");
        SlowSmtpServer.Gate gate = new SlowSmtpServer.Gate();
        smtp.beforeAnsweringData(gate);

        CompletableFuture<HttpResponse<String>> request = CompletableFuture.supplyAsync(() -> api.requestToken(address));
        String data = gate.awaitMessage(Duration.ofSeconds(10));
        assertNotNull(data, "the token mail reached the SMTP server");
        String token = Mails.token(SlowSmtpServer.plainText(data));
        // the SMTP server has the mail and has not answered yet: the token must already work
        assertEquals(200, api.current(token).statusCode());
        gate.open();

        assertEquals(201, request.get().statusCode());
        assertEquals(200, api.current(token).statusCode());
    }

    @Test
    void aRefusedTokenMailLeavesNothingAndEarlierTokensWork() throws Exception {
        String address = Addresses.fresh("refused");
        String earlier = issue(address);
        Thread.sleep(5_100); // the re-send window of the earlier token
        AtomicReference<String> refusedMail = new AtomicReference<>();
        smtp.beforeAnsweringData(refusedMail::set);
        smtp.refuseMessages();

        assertMailError(api.requestToken(address));

        String refused = Mails.token(SlowSmtpServer.plainText(refusedMail.get()));
        assertError(api.current(refused), 401, "error_access_tokens_unauthorized");
        assertEquals(200, api.current(earlier).statusCode(), "the earlier token is untouched");
        List<String> trail = Api.json(api.events(earlier, "?limit=3")).getJsonArray("data").stream()
                .map(JsonValue::asJsonObject).map(event -> event.getJsonObject("attributes"))
                .map(event -> event.getString("kind") + " " + event.getString("outcome") + " "
                        + (event.isNull("token_id") ? "-" : event.getString("token_id")))
                .toList();
        assertEquals(3, trail.size(), trail::toString);
        String refusedId = trail.get(0).substring(trail.get(0).lastIndexOf(' ') + 1);
        assertEquals(List.of("token_request_refused mail_failed " + refusedId, "token_issued success " + refusedId),
                trail.subList(0, 2), "the refused mail's token, issued and then undone, in the owner's trail");
        assertTrue(trail.get(2).startsWith("token_issued success ") && !trail.get(2).endsWith(refusedId), trail::toString);
        smtp.behave();
        assertEquals(201, api.requestToken(address).statusCode(), "the refused mail started no re-send window");
    }

    @Test
    void aSilentServerIsCutOffAtTheDeadlineAndLeavesNothing() throws Exception {
        String address = Addresses.fresh("silent");
        int hungUp = smtp.hungUpByClient();
        smtp.beSilent();

        long started = System.nanoTime();
        assertMailError(api.requestToken(address));
        Duration took = since(started);

        assertTrue(took.compareTo(DEADLINE.minusMillis(200)) >= 0, "not before the deadline: " + took);
        assertTrue(took.compareTo(DEADLINE.plusSeconds(2)) < 0, "at the deadline: " + took);
        awaitTrue(() -> smtp.hungUpByClient() > hungUp, "the service closed the silent conversation");
        smtp.behave();
        assertEquals(201, api.requestToken(address).statusCode(), "nothing was left of the attempt");
    }

    @Test
    void theDeadlineCoversTheWholeConversationNotEachReply() {
        // each reply within the session's 5 s read time-out, the conversation far beyond 4 s
        smtp.delayReplies(Duration.ofMillis(900));

        long started = System.nanoTime();
        assertMailError(api.requestToken(Addresses.fresh("trickle")));
        Duration took = since(started);

        assertTrue(took.compareTo(DEADLINE.plusSeconds(2)) < 0, "cut off at the deadline: " + took);
    }

    @Test
    void aboveTheBoundA503ComesAtOnceWithRetryAfter() throws Exception {
        smtp.beSilent();
        int before = smtp.conversations();
        ExecutorService pool = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        try {
            List<Future<HttpResponse<String>>> stuck = new ArrayList<>();
            for (int i = 0; i < MAX_IN_FLIGHT; i++) {
                String address = Addresses.fresh("bound");
                stuck.add(pool.submit(() -> api.requestToken(address)));
            }
            awaitTrue(() -> smtp.conversations() - before >= MAX_IN_FLIGHT, "every place taken");

            long started = System.nanoTime();
            HttpResponse<String> refused = api.requestToken(Addresses.fresh("above-bound"));
            Duration took = since(started);

            assertMailError(refused);
            assertEquals(String.valueOf(DEADLINE.toSeconds()), refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "at once, not after the deadline: " + took);
            for (Future<HttpResponse<String>> answer : stuck) {
                assertMailError(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileRequestsAreStuckOnTheSmtpServerTokenChecksStayFastAndNothingFails() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(issue(Addresses.fresh("checker")));
        }
        for (int i = 0; i < 200; i++) { // the check path warmed up, as on a server that has run a while
            assertEquals(200, api.current(tokens.get(i % tokens.size())).statusCode());
        }
        smtp.delayReplies(Duration.ofMillis(900));
        String crowded = Addresses.fresh("crowded");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Timed>> sameAddress = new ArrayList<>();
            List<Future<Timed>> others = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sameAddress.add(pool.submit(() -> timed(start, () -> api.requestToken(crowded))));
            }
            for (int i = 0; i < 10; i++) {
                String other = Addresses.fresh("other");
                others.add(pool.submit(() -> timed(start, () -> api.requestToken(other))));
            }
            start.countDown();
            // measured once the refusals are out, while the other requests are stuck on the SMTP server
            awaitTrue(() -> sameAddress.stream().filter(Future::isDone).count() >= 39, "the 39 refusals");

            // up to 200 checks, each counted only if it ended while the other requests were still
            // stuck: on a loaded machine fewer fit before the deadline ends the stall
            List<Long> during = new ArrayList<>();
            for (int i = 0; i < 200 && others.stream().noneMatch(Future::isDone); i++) {
                long began = System.nanoTime();
                HttpResponse<String> check = api.current(tokens.get(i % tokens.size()));
                long took = System.nanoTime() - began;
                assertEquals(200, check.statusCode(), check::body);
                if (others.stream().noneMatch(Future::isDone)) {
                    during.add(took);
                }
            }
            assertTrue(during.size() >= 50, "at least 50 checks ran while the requests were stuck: " + during.size());
            long[] checks = during.stream().mapToLong(Long::longValue).sorted().toArray();
            Duration p99 = Duration.ofNanos(checks[(int) Math.ceil(checks.length * 0.99) - 1]);
            System.out.printf("token checks during the SMTP stall: %d, p50 %.2f ms, p99 %.2f ms%n",
                    checks.length, checks[checks.length / 2] / 1e6, p99.toNanos() / 1e6);
            assertTrue(p99.compareTo(Duration.ofMillis(50)) < 0, "p99 of checks during the stall: " + p99);

            Map<Integer, Integer> statuses = new TreeMap<>();
            Duration slowestTimeout = Duration.ZERO;
            for (Future<Timed> answer : sameAddress) {
                Timed timed = answer.get();
                statuses.merge(timed.response().statusCode(), 1, Integer::sum);
                if (timed.response().statusCode() == 403) {
                    assertError(timed.response(), 403, "error_access_tokens_timeout");
                    slowestTimeout = max(slowestTimeout, timed.took());
                }
            }
            assertEquals(Map.of(403, 39, 503, 1), statuses, "one conversation for the address, cut off at the deadline");
            assertTrue(slowestTimeout.compareTo(DEADLINE.minusSeconds(1)) < 0,
                    "the others were told at once, not after the first one's conversation: " + slowestTimeout);
            for (Future<Timed> answer : others) {
                assertMailError(answer.get().response());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletionRequestsAnswerTheSameForHoldersAndNonHoldersSmtpUpOrDown() throws Exception {
        List<String> holdersUp = holders(50);
        List<String> holdersDown = holders(50);
        for (int i = 0; i < 10; i++) { // warm up both paths
            api.requestDeletion(Addresses.fresh("warm-up"));
        }

        Comparison up = compare(holdersUp);
        smtp.down();
        Comparison down = compare(holdersDown);
        smtp.up();
        // and the mails that could not go out arrive on a later try
        awaitTrue(() -> holdersDown.stream().allMatch(holder -> smtp.messagesTo(holder).size() == 2),
                "every holder's deletion mail, sent after the server came back");

        System.out.printf("deletion requests, median ms: SMTP up holders %.2f non-holders %.2f;"
                + " SMTP down holders %.2f non-holders %.2f%n",
                up.holders() / 1e6, up.nonHolders() / 1e6, down.holders() / 1e6, down.nonHolders() / 1e6);
        for (Comparison comparison : List.of(up, down)) {
            assertEquals(Map.of(201, 50), comparison.holderStatuses());
            assertEquals(comparison.holderStatuses(), comparison.nonHolderStatuses());
            assertTrue(Math.abs(comparison.holders() - comparison.nonHolders()) < 5_000_000,
                    "medians within 5 ms: " + comparison);
        }
    }

    @Test
    void aDeletionMailTheServerCouldNotTakeIsSentLater() throws Exception {
        String holder = Addresses.fresh("retried");
        issue(holder);
        smtp.down();

        assertEquals(201, api.requestDeletion(holder).statusCode());
        Thread.sleep(1000); // past the first try (0.2 to 0.6 s after the answer), before the retry (1 s after the first)
        smtp.up();

        awaitTrue(() -> smtp.messagesTo(holder).size() == 2, "the deletion mail, on a later try");
        String code = Mails.code(SlowSmtpServer.plainText(smtp.messagesTo(holder).get(1)));
        assertEquals(204, api.delete(holder, code).statusCode());
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private record Comparison(long holders, long nonHolders, Map<Integer, Integer> holderStatuses,
            Map<Integer, Integer> nonHolderStatuses) {
    }

    /** Deletion requests for each holder and as many fresh addresses, alternating; their medians. */
    private Comparison compare(List<String> holders) {
        long[] holderTimes = new long[holders.size()];
        long[] otherTimes = new long[holders.size()];
        Map<Integer, Integer> holderStatuses = new TreeMap<>();
        Map<Integer, Integer> otherStatuses = new TreeMap<>();
        for (int i = 0; i < holders.size(); i++) {
            long began = System.nanoTime();
            HttpResponse<String> holder = api.requestDeletion(holders.get(i));
            holderTimes[i] = System.nanoTime() - began;
            began = System.nanoTime();
            HttpResponse<String> other = api.requestDeletion(Addresses.fresh("nobody"));
            otherTimes[i] = System.nanoTime() - began;
            holderStatuses.merge(holder.statusCode(), 1, Integer::sum);
            otherStatuses.merge(other.statusCode(), 1, Integer::sum);
        }
        return new Comparison(median(holderTimes), median(otherTimes), holderStatuses, otherStatuses);
    }

    private List<String> holders(int count) {
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String holder = Addresses.fresh("holder");
            issue(holder);
            holders.add(holder);
        }
        return holders;
    }

    /** A token for the address, taken out of the mail the SMTP server received. */
    private String issue(String address) {
        int before = smtp.messagesTo(address).size();
        assertEquals(201, api.requestToken(address).statusCode(), "token for " + address);
        List<String> messages = smtp.messagesTo(address);
        assertEquals(before + 1, messages.size());
        return Mails.token(SlowSmtpServer.plainText(messages.get(messages.size() - 1)));
    }

    private static Timed timed(CountDownLatch start, Supplier<HttpResponse<String>> request) throws InterruptedException {
        start.await();
        long began = System.nanoTime();
        HttpResponse<String> response = request.get();
        return new Timed(response, since(began));
    }

    private static void assertMailError(HttpResponse<String> response) {
        String message = assertError(response, 503, "error_access_tokens_email");
        assertTrue(message.contains("nothing was changed"), message);
        assertFalse(message.contains("Exception"), message);
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
