package com.pkmnapi.testsupport;

import java.util.UUID;

/** A new address for each test, so that tests share no state and run in any order. */
public final class Addresses {

    private Addresses() {
    }

    public static String fresh(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
