package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final int LIMIT = 3;
    private static final String CLIENT = "203.0.113.7";
    private static final String OTHER_CLIENT = "198.51.100.1";

    private final RateLimiter limiter = new RateLimiter(LIMIT, WINDOW, 1000);

    @Test
    void acquireLetsExactlyTheLimitThroughThenRefusesWithTheSecondsLeft() {
        assertEquals(0, limiter.acquire(CLIENT, T0));
        assertEquals(0, limiter.acquire(CLIENT, T0.plusSeconds(1)));
        assertEquals(0, limiter.acquire(CLIENT, T0.plusSeconds(2)));

        assertEquals(50, limiter.acquire(CLIENT, T0.plusSeconds(10)));
        assertEquals(30, limiter.acquire(CLIENT, T0.plusSeconds(30)));
    }

    @Test
    void acquireRoundsAPartSecondLeftUpToAWholeOne() {
        exhaust(CLIENT, T0);

        assertEquals(50, limiter.acquire(CLIENT, T0.plusMillis(10_500)));
        assertEquals(1, limiter.acquire(CLIENT, T0.plusMillis(59_200)));
        assertEquals(1, limiter.acquire(CLIENT, T0.plus(WINDOW).minusNanos(1)));
    }

    @Test
    void acquireStartsANewWindowExactlyWhenTheOldOneEnds() {
        exhaust(CLIENT, T0);

        assertEquals(0, limiter.acquire(CLIENT, T0.plus(WINDOW)));
        assertEquals(0, limiter.acquire(CLIENT, T0.plus(WINDOW)));
        assertEquals(0, limiter.acquire(CLIENT, T0.plus(WINDOW)));
        assertEquals(60, limiter.acquire(CLIENT, T0.plus(WINDOW)));
    }

    @Test
    void acquireStartsTheWindowAtTheClientsFirstRequest() {
        Instant first = T0.plusSeconds(37);
        exhaust(CLIENT, first);

        assertEquals(50, limiter.acquire(CLIENT, first.plusSeconds(10)));
        assertEquals(0, limiter.acquire(CLIENT, first.plus(WINDOW)));
    }

    @Test
    void acquireStartsTheNextWindowAtTheFirstRequestAfterTheOldOneEnded() {
        exhaust(CLIENT, T0);
        Instant later = T0.plusSeconds(100);

        exhaust(CLIENT, later);

        assertEquals(50, limiter.acquire(CLIENT, later.plusSeconds(10)));
        assertEquals(0, limiter.acquire(CLIENT, later.plus(WINDOW)));
    }

    @Test
    void acquireKeepsEachClientsWindowApart() {
        exhaust(CLIENT, T0);

        assertEquals(0, limiter.acquire(OTHER_CLIENT, T0.plusSeconds(20)));
        assertEquals(0, limiter.acquire(OTHER_CLIENT, T0.plusSeconds(20)));
        assertEquals(0, limiter.acquire(OTHER_CLIENT, T0.plusSeconds(20)));
        assertEquals(60, limiter.acquire(OTHER_CLIENT, T0.plusSeconds(20)));

        assertEquals(40, limiter.acquire(CLIENT, T0.plusSeconds(20)));
        assertEquals(0, limiter.acquire(CLIENT, T0.plus(WINDOW)));
        assertEquals(20, limiter.acquire(OTHER_CLIENT, T0.plus(WINDOW)));
    }

    @Test
    void acquireDoesNotLetRefusedRequestsExtendTheWindow() {
        exhaust(CLIENT, T0);
        for (int second = 3; second < 60; second++) {
            assertEquals(60 - second, limiter.acquire(CLIENT, T0.plusSeconds(second)));
        }

        assertEquals(0, limiter.acquire(CLIENT, T0.plus(WINDOW)));
    }

    @Test
    void acquireDoesNotCountRefusedRequestsIntoTheNextWindow() {
        exhaust(CLIENT, T0);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(CLIENT, T0.plusSeconds(59));
        }

        exhaust(CLIENT, T0.plus(WINDOW));
        assertEquals(60, limiter.acquire(CLIENT, T0.plus(WINDOW)));
    }

    @Test
    void aLimitOfOneLetsOneRequestPerWindow() {
        RateLimiter one = new RateLimiter(1, Duration.ofSeconds(10), 1000);

        assertEquals(0, one.acquire(CLIENT, T0));
        assertEquals(10, one.acquire(CLIENT, T0));
        assertEquals(1, one.acquire(CLIENT, T0.plusSeconds(9)));
        assertEquals(0, one.acquire(CLIENT, T0.plusSeconds(10)));
    }

    @Test
    void aNewClientTakesTheSlotOfAnEndedWindowWhenTheTableIsFull() {
        RateLimiter small = new RateLimiter(LIMIT, WINDOW, 2);
        small.acquire("a", T0);
        small.acquire("b", T0.plusSeconds(30));

        small.acquire("c", T0.plus(WINDOW));

        assertEquals(2, small.tracked(), "a's window ended and is swept; b's and c's are open");
        exhaust(small, "c", T0.plus(WINDOW), LIMIT - 1);
        assertEquals(60, small.acquire("c", T0.plus(WINDOW)), "c has a window of its own");
    }

    @Test
    void aClientInTheTableKeepsItsWindowWhenTheTableIsFull() {
        RateLimiter small = new RateLimiter(LIMIT, WINDOW, 2);
        small.acquire("a", T0);
        small.acquire("b", T0);

        small.acquire("a", T0.plusSeconds(100));

        assertEquals(2, small.tracked());
    }

    @Test
    void newClientsBeyondTheCapShareOneWindowAndClientsInTheTableKeepTheirOwn() {
        RateLimiter small = new RateLimiter(LIMIT, WINDOW, 2);
        exhaust(small, "a", T0, LIMIT);
        small.acquire("b", T0);

        assertEquals(0, small.acquire("c", T0.plusSeconds(10)));
        assertEquals(0, small.acquire("d", T0.plusSeconds(10)));
        assertEquals(0, small.acquire("e", T0.plusSeconds(10)));
        assertEquals(60, small.acquire("f", T0.plusSeconds(10)), "c, d and e used up the shared window");
        assertEquals(60, small.acquire("c", T0.plusSeconds(10)), "c has no window of its own");

        assertEquals(50, small.acquire("a", T0.plusSeconds(10)), "a's full window survived the sweep");
        assertEquals(0, small.acquire("b", T0.plusSeconds(10)), "b's window has room left");
        assertEquals(3, small.tracked(), "a, b and the shared window");
    }

    @Test
    void aFullTableIsSweptAtMostOnceASecond() {
        RateLimiter small = new RateLimiter(LIMIT, WINDOW, 2);
        small.acquire("a", T0);
        small.acquire("b", T0);
        small.acquire("c", T0.plusSeconds(59).plusMillis(500));

        small.acquire("d", T0.plus(WINDOW));
        assertEquals(3, small.tracked(), "a and b ended, but the table was swept half a second ago: d shares");

        small.acquire("e", T0.plus(WINDOW).plusMillis(500));
        assertEquals(2, small.tracked(), "a second later a and b are swept, and e has a window of its own");
    }

    /**
     * The table's memory is bounded: today's cap is 100,000 clients, about 15 MiB. Before the cap,
     * a million clients in one window took 149 MiB and an attacker with addresses to spare could
     * fill the heap.
     */
    @Test
    void aMillionDistinctClientsInOneWindowTakeLessThan24MiB() {
        long before = usedHeapAfterGc();
        RateLimiter capped = new RateLimiter(120, WINDOW, 100_000);

        for (int i = 0; i < 1_000_000; i++) {
            capped.acquire("10." + (i >>> 16) + "." + (i >>> 8 & 0xff) + "." + (i & 0xff), T0.plusMillis(i / 100));
        }

        long retained = usedHeapAfterGc() - before;
        assertTrue(retained < 24L << 20, "retained " + (retained >> 10) + " KiB");
        assertEquals(0, capped.acquire("10.0.0.0", T0.plusSeconds(11)), "the first client is still counted alone");
    }

    @Test
    void constructorRefusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, WINDOW, 1000));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(-1, WINDOW, 1000));
    }

    @Test
    void constructorRefusesAWindowThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(LIMIT, Duration.ZERO, 1000));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(LIMIT, Duration.ofSeconds(-60), 1000));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(LIMIT, Duration.ofNanos(-1), 1000));
    }

    @Test
    void constructorRefusesACapBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(LIMIT, WINDOW, 0));
    }

    @Test
    void constructorAcceptsTheSmallestLimitAndWindow() {
        RateLimiter smallest = new RateLimiter(1, Duration.ofNanos(1), 1000);

        assertEquals(0, smallest.acquire(CLIENT, T0));
        assertEquals(1, smallest.acquire(CLIENT, T0));
        assertEquals(0, smallest.acquire(CLIENT, T0.plusNanos(1)));
    }

    @ParameterizedTest(name = "{0} s left -> {1}")
    @CsvSource({
            "60,            60",
            "50,            50",
            "59.2,          60",
            "0.8,           1",
            "1,             1",
            "1.000000001,   2",
            "0.000000001,   1",
            "0,             1",
            "-5,            1"})
    void secondsUntilRoundsUpToWholeSecondsAndIsNeverBelowOne(String left, long seconds) {
        Duration remaining = Duration.ofNanos(new BigDecimal(left).movePointRight(9).longValueExact());

        assertEquals(seconds, RateLimiter.secondsUntil(T0.plus(remaining), T0));
    }

    @Test
    void acquireLetsExactlyTheLimitThroughWhenManyThreadsAskAtTheSameInstant() throws Exception {
        int limit = 5;
        int threads = 64;
        RateLimiter shared = new RateLimiter(limit, WINDOW, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return shared.acquire(CLIENT, T0);
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS), "all threads started");
            go.countDown();

            List<Long> waits = new ArrayList<>();
            for (Future<Long> answer : answers) {
                waits.add(answer.get(10, TimeUnit.SECONDS));
            }

            Map<Long, Long> byWait = waits.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(0L, (long) limit, 60L, (long) (threads - limit)), byWait);
            assertEquals(1, shared.tracked());
        } finally {
            pool.shutdownNow();
        }
    }

    private void exhaust(String client, Instant at) {
        exhaust(limiter, client, at, LIMIT);
    }

    private static void exhaust(RateLimiter limiter, String client, Instant at, int requests) {
        for (int i = 0; i < requests; i++) {
            assertEquals(0, limiter.acquire(client, at), "request " + (i + 1) + " of the window");
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
