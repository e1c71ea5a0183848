package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestFilterTest {

    @Test
    void everyDigestAddedIsFoundAndAboutOneInAHundredOthersIs() {
        DigestFilter filter = new DigestFilter(20_000);
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String digest = Secrets.digest(Secrets.newToken());
            filter.add(digest);
            added.add(digest);
        }

        assertTrue(added.stream().allMatch(filter::mightContain), "no false no");
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            falsePositives += filter.mightContain(Secrets.digest(Secrets.newToken())) ? 1 : 0;
        }
        assertTrue(falsePositives < 2_000, "about 1 % of 100,000 forged tokens: " + falsePositives);
        assertFalse(filter.isFull());
    }

    @Test
    void anEmptyFilterHoldsNothingAndOneFilledPastItsCapacityIsFull() {
        DigestFilter filter = new DigestFilter(10);
        assertFalse(filter.mightContain(Secrets.digest("x")));
        for (int i = 0; i <= 2 * filter.capacity(); i++) {
            filter.add(Secrets.digest("token " + i));
        }
        assertTrue(filter.isFull());
    }

    @Test
    void aDigestAddedAgainDoesNotFillIt() {
        DigestFilter filter = new DigestFilter(10);
        String digest = Secrets.digest("the same token");
        for (int i = 0; i <= 2 * filter.capacity(); i++) {
            filter.add(digest);
        }
        assertTrue(filter.mightContain(digest));
        assertFalse(filter.isFull());
    }
}
