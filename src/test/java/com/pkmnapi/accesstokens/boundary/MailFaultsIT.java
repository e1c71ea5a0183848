package com.pkmnapi.accesstokens.boundary;

import static com.pkmnapi.testsupport.Envelopes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Addresses;
import com.pkmnapi.testsupport.Api;
import com.pkmnapi.testsupport.HttpClientTest;
import com.pkmnapi.testsupport.Mails;
import com.pkmnapi.testsupport.TestSmtpServer;
import com.pkmnapi.testsupport.Tokens;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Faults and abuse: the SMTP server down (a token request changes nothing, and all works at once
 * when it is back) and many simultaneous requests for one address (exactly one succeeds, exactly
 * one mail). The slow, silent and refusing SMTP servers are in {@link SlowMailIT}.
 */
class MailFaultsIT extends HttpClientTest {

    private static final int PARALLEL = 24;

    @Test
    void whileTheSmtpServerIsDownTokenRequestsChangeNothingAndAllWorksWhenItIsBack() throws Exception {
        String holder = Addresses.fresh("holder");
        String newcomer = Addresses.fresh("newcomer");
        String token = Tokens.issue(api, holder);

        TestSmtpServer.stop();
        try {
            assertMailError(api.requestToken(newcomer));
            // a deletion request is answered before its mail is sent, so the answer cannot tell
            // whether the address holds tokens: the mail goes out later, with retries
            assertEquals(201, api.requestDeletion(holder).statusCode());
            assertEquals(200, api.current(token).statusCode(), "tokens work while mail is down");
        } finally {
            TestSmtpServer.start();
        }

        assertEquals(201, api.requestToken(newcomer).statusCode(), "no re-send window was started");
        assertEquals(1, TestSmtpServer.mailsTo(newcomer).size());
    }

    @Test
    void ofManySimultaneousTokenRequestsForOneAddressExactlyOneSucceeds() throws Exception {
        String address = Addresses.fresh("race");

        Map<Integer, Integer> statuses = race(api::requestToken, address);

        assertEquals(Map.of(201, 1, 403, PARALLEL - 1), statuses);
        assertEquals(1, TestSmtpServer.mailsTo(address).size(), "exactly one mail");
    }

    @Test
    void ofManySimultaneousDeletionRequestsForOneAddressExactlyOneIsAccepted() throws Exception {
        String address = Addresses.fresh("race-delete");
        assertEquals(201, api.requestToken(address).statusCode());

        Map<Integer, Integer> statuses = race(api::requestDeletion, address);

        assertEquals(Map.of(201, 1, 403, PARALLEL - 1), statuses);
        // the deletion mail is sent after the answer: wait for it, then make sure no second one follows
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (TestSmtpServer.mailsTo(address).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertEquals(2, TestSmtpServer.mailsTo(address).size(), "the token mail and exactly one deletion mail");
    }

    /** Sends the request from many threads at once; returns how often each status came back. */
    private static Map<Integer, Integer> race(Function<String, HttpResponse<String>> request, String address)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(address);
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() != 201) {
                    assertError(response, 403, "error_access_tokens_timeout");
                }
                statuses.merge(response.statusCode(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertMailError(HttpResponse<String> response) {
        String message = assertError(response, 503, "error_access_tokens_email");
        assertTrue(message.contains("could not be sent"), message);
    }
}
