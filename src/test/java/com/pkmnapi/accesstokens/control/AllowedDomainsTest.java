package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedDomainsTest {

    private final AllowedDomains corp = new AllowedDomains(Set.of("corp.example", "*.lab.example"));

    @ParameterizedTest
    @ValueSource(strings = {"a@corp.example", "A@CORP.EXAMPLE", "b@x.lab.example", "c@deep.x.lab.example"})
    void admitsTheListedDomainsAndThoseBelowAWildcard(String address) {
        assertTrue(corp.admit(new EmailAddress(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@x.corp.example", "a@lab.example", "a@evillab.example", "a@corp.example.evil.test",
        "a@notcorp.example", "corp.example@evil.test"})
    void refusesEverythingElse(String address) {
        assertFalse(corp.admit(new EmailAddress(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@corp.example", "a@anywhere.test"})
    void withoutAListEveryDomainIsAdmitted(String address) {
        AllowedDomains any = new AllowedDomains(Set.of());
        assertTrue(any.admit(new EmailAddress(address)));
        assertTrue(any.admitAny());
    }
}
