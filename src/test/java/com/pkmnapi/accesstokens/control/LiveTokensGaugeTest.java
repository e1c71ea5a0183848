package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pkmnapi.platform.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LiveTokensGaugeTest {

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private long live = 3;
    private int counts;

    @Test
    void theDatabaseIsAskedAtMostOnceAMinuteHoweverOftenTheGaugeIsRead() {
        LiveTokensGauge gauge = gauge();

        assertEquals(3, gauge.value());
        live = 5;
        now = now.plusSeconds(59);
        assertEquals(3, gauge.value(), "the sample of 59 s ago");
        assertEquals(3, gauge.value());
        assertEquals(1, counts);
        now = now.plusSeconds(1);
        assertEquals(5, gauge.value(), "a minute on: counted again");
        assertEquals(2, counts);
    }

    @Test
    void theGaugeIsInTheRegistryUnderItsName() {
        LiveTokensGauge gauge = gauge();
        gauge.register(null);

        assertEquals(3, gauge.metrics.registry().get("pkmnapi.tokens.live").gauge().value());
    }

    private LiveTokensGauge gauge() {
        LiveTokensGauge gauge = new LiveTokensGauge();
        gauge.tokens = new TokenManager() {
            @Override
            public long countLive() {
                counts++;
                return live;
            }
        };
        gauge.metrics = new Metrics();
        gauge.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        return gauge;
    }
}
