package com.pkmnapi.accesstokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "user@example.com",
            "user+tag@example.com",
            "first.last@example.com",
            "first.middle.last@example.com",
            "user123@example123.com",
            "42@example.com",
            "user@my-domain.com",
            "user@mail.sub.example.co.uk",
            "user@localhost",
            "USER@EXAMPLE.COM",
            "John.Doe@Example.Com",
            "under_score@example.com",
            "dash-ed@example.com",
            "a@b.co",
            "x@a-b-c.example"})
    void acceptsAValidAddressAndKeepsItAsGiven(String value) {
        assertTrue(EmailAddress.isValid(value), value);
        assertEquals(value, new EmailAddress(value).value());
        assertEquals(value, new EmailAddress(value).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "userexample.com",
            "@example.com",
            "user@",
            "@",
            "a@b@example.com",
            "john..doe@example.com",
            "user@example..com",
            ".user@example.com",
            "user.@example.com",
            "user@.example.com",
            "user@example.com.",
            "john doe@example.com",
            "user @example.com",
            "user@ example.com",
            "user@exa mple.com",
            " user@example.com",
            "user@example.com ",
            "user@example.com\t",
            "\"john\"@example.com",
            "\"john doe\"@example.com",
            "user@[127.0.0.1]",
            "jürgen@example.com",
            "user@exämple.com",
            "用户@例子.广告",
            "user@-example.com",
            "user@example-.com",
            "user@sub.-example.com",
            "user@example.com-",
            "user@exa_mple.com",
            "<user@example.com>",
            "User <user@example.com>",
            "user@example.com,other@example.com",
            "user@example.com;other@example.com",
            "(comment)user@example.com",
            // routes rather than mailboxes: relays that honour the percent hack or bang paths
            // deliver these outside the domain after the last @
            "me%outside.example@corp.example",
            "outside.example!me@corp.example",
            "me/x@corp.example",
            "me|x@corp.example",
            "me=x@corp.example",
            "o'brien@example.com",
            "a&b'c@example.com",
            "a#b@example.com",
            "a*b@example.com",
            "a?b@example.com",
            "a^b@example.com",
            "a`b@example.com",
            "a{b}@example.com",
            "a~b@example.com",
            "a$b@example.com"})
    void refusesAnInvalidAddress(String value) {
        assertRefused(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a@b.com\r\nBcc: x@y.com",
            "a@b.com\nBcc: x@y.com",
            "a@b.com\rBcc: x@y.com",
            "a@b.com\r\n",
            "a@b.com\n",
            "a@b.com\r",
            "\na@b.com",
            "a\r\n@b.com",
            "a@b\n.com",
            "a@b.com\r\n\r\n<script>alert(1)</script>"})
    void refusesCarriageReturnsAndLineFeedsThatCouldInjectHeaders(String value) {
        assertRefused(value);
    }

    @Test
    void aTagIsAPlusInTheLocalPart() {
        assertTrue(new EmailAddress("alice+ci@corp.example").hasTag());
        assertTrue(new EmailAddress("alice+@corp.example").hasTag());
        assertFalse(new EmailAddress("alice@corp.example").hasTag());
        assertFalse(new EmailAddress("alice.smith-jones_2@corp-x.example").hasTag());
    }

    @Test
    void refusesNull() {
        assertFalse(EmailAddress.isValid(null));
        InvalidEmailAddress refusal = assertThrows(InvalidEmailAddress.class, () -> new EmailAddress(null));
        assertNull(refusal.value());
    }

    @Test
    void acceptsA64CharacterLocalPartButRefuses65() {
        assertValid("a".repeat(64) + "@example.com");
        assertRefused("a".repeat(65) + "@example.com");
    }

    @Test
    void acceptsA63CharacterDomainLabelButRefuses64() {
        assertValid("user@" + "d".repeat(63) + ".com");
        assertRefused("user@" + "d".repeat(64) + ".com");
    }

    @Test
    void accepts254CharactersInAllButRefuses255() {
        String local = "l".repeat(64);
        String domain254 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(61);
        String domain255 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(62);
        String longest = local + "@" + domain254;
        String tooLong = local + "@" + domain255;

        assertEquals(254, longest.length());
        assertEquals(255, tooLong.length());
        assertValid(longest);
        assertRefused(tooLong);
    }

    @Test
    void normalizedIsLowerCase() {
        EmailAddress address = new EmailAddress("John.Doe+Tag@Example.COM");

        assertEquals("john.doe+tag@example.com", address.normalized());
        assertEquals("John.Doe+Tag@Example.COM", address.value());
    }

    @Test
    void normalizedIsTheSameForAddressesThatDifferInCaseOnly() {
        assertEquals(new EmailAddress("USER@EXAMPLE.COM").normalized(),
                new EmailAddress("user@example.com").normalized());
    }

    @Test
    void normalizedDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("iris@idaho.example", new EmailAddress("IRIS@IDAHO.EXAMPLE").normalized());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void constructorRefusalCarriesTheGivenValue() {
        String value = "a@b.com\r\nBcc: x@y.com";

        InvalidEmailAddress refusal = assertThrows(InvalidEmailAddress.class, () -> new EmailAddress(value));

        assertEquals(value, refusal.value());
    }

    private static void assertValid(String value) {
        assertTrue(EmailAddress.isValid(value), value);
        assertEquals(value, new EmailAddress(value).value());
    }

    private static void assertRefused(String value) {
        assertFalse(EmailAddress.isValid(value), value);
        InvalidEmailAddress refusal = assertThrows(InvalidEmailAddress.class, () -> new EmailAddress(value));
        assertEquals(value, refusal.value());
    }
}
