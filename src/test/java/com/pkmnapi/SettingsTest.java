package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static final String[] NUMBERS = {
        Settings.RESEND_WINDOW_SECONDS, Settings.CODE_LIFETIME_SECONDS, Settings.RATE_LIMIT_WRONG_CODES, Settings.TOKEN_CAP,
        Settings.TOKEN_LIFETIME_SECONDS, Settings.LAST_USED_RESOLUTION_SECONDS, Settings.RATE_LIMIT_REQUESTS,
        Settings.RATE_LIMIT_WINDOW_SECONDS, Settings.RATE_LIMIT_FAILED_CHECKS, Settings.AUDIT_RETENTION_DAYS};

    @Test
    void defaults() {
        assertDefaults(settingsOf(Map.of()));
    }

    @Test
    void everySettingCanBeOverriddenByName() {
        Settings settings = settingsOf(Map.ofEntries(
                Map.entry("pkmnapi.mail.from", "Tokens <tokens@example.com>"),
                Map.entry("pkmnapi.mail.session", "java:global/mail/other"),
                Map.entry("pkmnapi.public.base.url", "https://tokens.example.com/"),
                Map.entry("pkmnapi.resend.window.seconds", "60"),
                Map.entry("pkmnapi.code.lifetime.seconds", "900"),
                Map.entry("pkmnapi.rate.limit.wrong.codes", "3"),
                Map.entry("pkmnapi.token.cap", "2"),
                Map.entry("pkmnapi.jdbc.url", "jdbc:postgresql://db/pkmnapi"),
                Map.entry("pkmnapi.jdbc.user", "pkmnapi"),
                Map.entry("pkmnapi.jdbc.password", "secret"),
                Map.entry("pkmnapi.token.lifetime.seconds", "86400"),
                Map.entry("pkmnapi.last.used.resolution.seconds", "300"),
                Map.entry("pkmnapi.rate.limit.requests", "30"),
                Map.entry("pkmnapi.rate.limit.window.seconds", "10"),
                Map.entry("pkmnapi.rate.limit.failed.checks", "15"),
                Map.entry("pkmnapi.trusted.proxies", "10.0.0.1"),
                Map.entry("pkmnapi.cors.allowed.origins", "https://app.example.com"),
                Map.entry("pkmnapi.audit.retention.days", "30"),
                Map.entry("pkmnapi.metrics.allowed", "10.1.0.0/16")));

        assertEquals("Tokens <tokens@example.com>", settings.mailFrom());
        assertEquals("java:global/mail/other", settings.mailSession());
        assertEquals(Optional.of(URI.create("https://tokens.example.com/")), settings.publicBaseUrl());
        assertEquals(Duration.ofSeconds(60), settings.resendWindow());
        assertEquals(Duration.ofSeconds(900), settings.codeLifetime());
        assertEquals(3, settings.rateLimitWrongCodes());
        assertEquals(2, settings.tokenCap());
        assertEquals("jdbc:postgresql://db/pkmnapi", settings.jdbcUrl());
        assertEquals(Optional.of("pkmnapi"), settings.jdbcUser());
        assertEquals(Optional.of("secret"), settings.jdbcPassword());
        assertEquals(Optional.of(Duration.ofDays(1)), settings.tokenLifetime());
        assertEquals(Duration.ofSeconds(300), settings.lastUsedResolution());
        assertEquals(30, settings.rateLimitRequests());
        assertEquals(Duration.ofSeconds(10), settings.rateLimitWindow());
        assertEquals(15, settings.rateLimitFailedChecks());
        assertEquals("[10.0.0.1/32]", settings.trustedProxies().toString());
        assertEquals(Set.of("https://app.example.com"), settings.corsAllowedOrigins());
        assertEquals(Duration.ofDays(30), settings.auditRetention());
        assertEquals("[10.1.0.0/16]", settings.metricsAllowed().toString());
    }

    @Test
    void theMetricsAreForLoopbackUnlessSetAndAnEntryThatIsNoAddressStops() {
        Settings defaults = settingsOf(Map.of());
        assertEquals(Duration.ofDays(365), defaults.auditRetention());
        assertTrue(defaults.metricsAllowed().trusts(java.net.InetAddress.getLoopbackAddress()));
        assertTrue(defaults.metricsAllowed().trusts(IpAddresses.parse("::1")));
        assertFalse(defaults.metricsAllowed().trusts(IpAddresses.parse("127.0.0.2")), "the two loopback addresses only");
        assertFalse(defaults.metricsAllowed().trusts(IpAddresses.parse("10.1.2.3")));

        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.METRICS_ALLOWED, "prometheus.corp.example")));
        assertTrue(refusal.getMessage().contains("PKMNAPI_METRICS_ALLOWED"), refusal.getMessage());
    }

    @Test
    void databaseDirectoryGoesIntoTheDefaultJdbcUrl() {
        Settings settings = settingsOf(Map.of("pkmnapi.database.dir", "/var/lib/pkmnapi/derby"));

        assertEquals("jdbc:derby:/var/lib/pkmnapi/derby;create=true", settings.jdbcUrl());
    }

    @Test
    void anExplicitJdbcUrlWinsOverTheDatabaseDirectory() {
        Settings settings = settingsOf(Map.of(
                "pkmnapi.database.dir", "/var/lib/pkmnapi/derby",
                "pkmnapi.jdbc.url", "jdbc:derby:memory:test;create=true"));

        assertEquals("jdbc:derby:memory:test;create=true", settings.jdbcUrl());
    }

    @Test
    void numbersMayBeSurroundedByWhitespace() {
        assertEquals(Duration.ofSeconds(700), settingsOf(Map.of(Settings.RESEND_WINDOW_SECONDS, " 700 ")).resendWindow());
    }

    @Test
    void environmentNameIsTheUpperCaseNameWithUnderscores() {
        assertEquals("PKMNAPI_MAIL_FROM", Settings.environmentName("pkmnapi.mail.from"));
        assertEquals("PKMNAPI_RESEND_WINDOW_SECONDS", Settings.environmentName(Settings.RESEND_WINDOW_SECONDS));
        assertEquals("PKMNAPI_PUBLIC_BASE_URL", Settings.environmentName(Settings.PUBLIC_BASE_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tokens.example.com", "https://tokens.example.com/"})
    void publicBaseUrlEndsWithASlash(String value) {
        assertEquals(Optional.of(URI.create("https://tokens.example.com/")),
                settingsOf(Map.of(Settings.PUBLIC_BASE_URL, value)).publicBaseUrl());
    }

    @Test
    void publicBaseUrlKeepsItsPathAndPort() {
        assertEquals(Optional.of(URI.create("http://localhost:8080/pkmnapi/")),
                settingsOf(Map.of(Settings.PUBLIC_BASE_URL, "http://localhost:8080/pkmnapi")).publicBaseUrl());
    }

    static Stream<Arguments> invalidNumbers() {
        return Stream.of(NUMBERS).flatMap(name -> Stream.of("0", "-1", "abc", "1.5", "10s", "99999999999")
                .map(value -> Arguments.of(name, value)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidNumbers")
    void anInvalidNumberStopsWithTheSettingAndItsEnvironmentVariable(String name, String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class, () -> settingsOf(Map.of(name, value)));

        assertTrue(refusal.getMessage().contains(name), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(Settings.environmentName(name)), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(value), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://x",
            "not a url",
            "tokens/v1",
            "/v1/access_tokens",
            "tokens.example.com",
            "//tokens.example.com",
            "mailto:tokens@example.com",
            "https://tokens.example.com/?x=1",
            "https://tokens.example.com/#top",
            "https://"})
    void anInvalidPublicBaseUrlStopsWithTheSettingAndItsEnvironmentVariable(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.PUBLIC_BASE_URL, value)));

        assertTrue(refusal.getMessage().contains("pkmnapi.public.base.url"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_PUBLIC_BASE_URL"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \n "})
    void blankValuesCountAsUnset(String blank) {
        Map<String, String> allBlank = Stream.of(Settings.MAIL_FROM, Settings.MAIL_SESSION, Settings.PUBLIC_BASE_URL,
                        Settings.RESEND_WINDOW_SECONDS, Settings.CODE_LIFETIME_SECONDS, Settings.RATE_LIMIT_WRONG_CODES,
                        Settings.TOKEN_CAP, Settings.JDBC_URL, Settings.JDBC_USER, Settings.JDBC_PASSWORD,
                        Settings.TOKEN_LIFETIME_SECONDS, Settings.LAST_USED_RESOLUTION_SECONDS,
                        Settings.RATE_LIMIT_REQUESTS, Settings.RATE_LIMIT_WINDOW_SECONDS,
                        Settings.RATE_LIMIT_FAILED_CHECKS, Settings.TRUSTED_PROXIES,
                        Settings.CORS_ALLOWED_ORIGINS, Settings.TOKEN_CACHE_SECONDS)
                .collect(Collectors.toMap(name -> name, name -> blank));

        assertDefaults(settingsOf(allBlank));
    }

    @Test
    void trustedProxiesAreACommaSeparatedListOfAddressesAndRangesWithoutSpacesOrEmptyItems() {
        TrustedProxies proxies = settingsOf(Map.of(Settings.TRUSTED_PROXIES,
                " 10.0.0.1 , ,192.168.0.0/16,,  ::1 , 2001:db8::/32,")).trustedProxies();

        for (String trusted : new String[] {"10.0.0.1", "192.168.7.7", "0:0:0:0:0:0:0:1", "2001:db8:ffff::1"}) {
            assertTrue(proxies.trusts(IpAddresses.parse(trusted)), trusted);
        }
        for (String untrusted : new String[] {"10.0.0.2", "192.169.0.1", "::2", "2001:db9::1"}) {
            assertFalse(proxies.trusts(IpAddresses.parse(untrusted)), untrusted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.1:8080", "unknown"})
    void aTrustedProxyThatIsNoAddressOrRangeStopsWithTheSettingAndItsEnvironmentVariable(String entry) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.TRUSTED_PROXIES, "10.0.0.1, " + entry)));

        assertTrue(refusal.getMessage().contains("pkmnapi.trusted.proxies"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_TRUSTED_PROXIES"), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith(entry), refusal.getMessage());
    }

    @Test
    void corsAllowedOriginsAreLowerCasedWithoutATrailingSlash() {
        Settings settings = settingsOf(Map.of(Settings.CORS_ALLOWED_ORIGINS,
                "https://App.Example.com/ , http://localhost:3000,, HTTPS://B.EXAMPLE:8443/"));

        assertEquals(Set.of("https://app.example.com", "http://localhost:3000", "https://b.example:8443"),
                settings.corsAllowedOrigins());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "*,", ", *"})
    void corsAllowedOriginsKeepTheWildcard(String value) {
        assertEquals(Set.of("*"), settingsOf(Map.of(Settings.CORS_ALLOWED_ORIGINS, value)).corsAllowedOrigins());
    }

    @Test
    void corsAllowedOriginsKeepTheWildcardBesideOrigins() {
        assertEquals(Set.of("*", "https://app.example.com"),
                settingsOf(Map.of(Settings.CORS_ALLOWED_ORIGINS, "*, https://app.example.com")).corsAllowedOrigins());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://a.example/x",
            "https://a.example/x/",
            "https://a.example//",
            "ftp://a.example",
            "mailto:cors@a.example",
            "a.example",
            "//a.example",
            "null",
            "https://a.example/?x=1",
            "https://a.example/#top",
            "https://"})
    void anInvalidCorsOriginStopsWithTheSettingAndItsEnvironmentVariable(String origin) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.CORS_ALLOWED_ORIGINS, "https://app.example.com, " + origin)));

        assertTrue(refusal.getMessage().contains("pkmnapi.cors.allowed.origins"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_CORS_ALLOWED_ORIGINS"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(origin), refusal.getMessage());
    }

    private static Settings settingsOf(Map<String, String> values) {
        return new Settings(values::get);
    }

    @Test
    void theTokenCacheTimeIsFiveSecondsByDefaultAndZeroTurnsItOff() {
        assertEquals(Duration.ofSeconds(5), settingsOf(Map.of()).tokenCacheTime());
        assertEquals(Duration.ZERO, settingsOf(Map.of(Settings.TOKEN_CACHE_SECONDS, "0")).tokenCacheTime());
        assertEquals(Duration.ofSeconds(30), settingsOf(Map.of(Settings.TOKEN_CACHE_SECONDS, "30")).tokenCacheTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5"})
    void aNegativeOrNonNumericTokenCacheTimeIsRefused(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.TOKEN_CACHE_SECONDS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_TOKEN_CACHE_SECONDS"), refusal.getMessage());
    }

    private static void assertDefaults(Settings settings) {
        assertEquals("java:app/mail/pkmnapi", settings.mailSession());
        assertEquals("Pkmnapi <noreply@localhost>", settings.mailFrom());
        assertEquals(Duration.ofSeconds(600), settings.resendWindow());
        assertEquals(Duration.ofSeconds(3600), settings.codeLifetime());
        assertEquals(10, settings.rateLimitWrongCodes());
        assertEquals(10, settings.tokenCap());
        assertTrue(settings.jdbcUrl().startsWith("jdbc:derby:"), settings.jdbcUrl());
        assertTrue(settings.jdbcUrl().endsWith(";create=true"), settings.jdbcUrl());
        assertEquals(Optional.empty(), settings.publicBaseUrl());
        assertEquals(Optional.empty(), settings.jdbcUser());
        assertEquals(Optional.empty(), settings.jdbcPassword());
        assertEquals(Optional.empty(), settings.tokenLifetime());
        assertEquals(Duration.ofSeconds(60), settings.lastUsedResolution());
        assertEquals(120, settings.rateLimitRequests());
        assertEquals(Duration.ofSeconds(60), settings.rateLimitWindow());
        assertEquals(60, settings.rateLimitFailedChecks());
        assertTrue(settings.trustedProxies().isEmpty());
        assertEquals(Set.of(), settings.corsAllowedOrigins());
        assertEquals(Duration.ofSeconds(5), settings.tokenCacheTime());
        assertEquals(Duration.ofDays(7), settings.tokenUnusedLifetime());
        assertEquals(Set.of(), settings.allowedDomains());
        assertEquals(16, settings.mailMaxInFlight());
        assertEquals(Duration.ofSeconds(15), settings.mailTimeout());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(300)),
                settings.mailRetryDelays());
    }

    @Test
    void theMailBoundsAndRetriesCanBeSet() {
        Settings settings = settingsOf(Map.of(Settings.MAIL_MAX_IN_FLIGHT, "4", Settings.MAIL_TIMEOUT_SECONDS, "3",
                Settings.MAIL_RETRY_DELAYS_SECONDS, " 1, 2 ,0"));
        assertEquals(4, settings.mailMaxInFlight());
        assertEquals(Duration.ofSeconds(3), settings.mailTimeout());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO), settings.mailRetryDelays());
    }

    @Test
    void allowedDomainsAreLowerCasedAndMayStartWithAWildcard() {
        Settings settings = settingsOf(Map.of(Settings.ALLOWED_DOMAINS, "Corp.Example, *.lab.corp.example"));
        assertEquals(Set.of("corp.example", "*.lab.corp.example"), settings.allowedDomains());
    }

    @ParameterizedTest
    @ValueSource(strings = {"corp.example/x", "*corp.example", "corp.*.example", "a@corp.example", "-corp.example", "*"})
    void anInvalidAllowedDomainIsRefusedWithTheSettingsName(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.ALLOWED_DOMAINS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_ALLOWED_DOMAINS"), refusal.getMessage());
    }

    @Test
    void anEmptyRetryListMeansNoRetry() {
        assertEquals(List.of(), settingsOf(Map.of(Settings.MAIL_RETRY_DELAYS_SECONDS, "")).mailRetryDelays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30,-1", "abc", "1.5", "30;120"})
    void anInvalidRetryListIsRefusedWithTheSettingsName(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(Settings.MAIL_RETRY_DELAYS_SECONDS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_MAIL_RETRY_DELAYS_SECONDS"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {Settings.MAIL_MAX_IN_FLIGHT, Settings.MAIL_TIMEOUT_SECONDS})
    void aMailBoundBelowOneIsRefused(String name) {
        assertThrows(IllegalStateException.class, () -> settingsOf(Map.of(name, "0")));
    }
}
