package com.pkmnapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.accesstokens.control.TokenPolicy;
import com.pkmnapi.audit.control.AuditSettings;
import com.pkmnapi.mail.MailSettings;
import com.pkmnapi.platform.ConfigValues;
import com.pkmnapi.platform.DatabaseSettings;
import com.pkmnapi.platform.EdgeSettings;
import com.pkmnapi.platform.RateLimitSettings;
import com.pkmnapi.platform.TrustedProxies;
import com.pkmnapi.testsupport.TestConfig;
import io.smallrye.config.EnvConfigSource;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings of every concern, each made from a real MicroProfile Config with the WAR's own
 * defaults file below the values a test sets ({@link TestConfig}).
 */
class SettingsTest {

    private static final String[] NUMBERS = {
        TokenPolicy.RESEND_WINDOW_SECONDS, TokenPolicy.CODE_LIFETIME_SECONDS, RateLimitSettings.WRONG_CODES, TokenPolicy.TOKEN_CAP,
        TokenPolicy.TOKEN_LIFETIME_SECONDS, TokenPolicy.TOKEN_MIN_LIFETIME_SECONDS, TokenPolicy.LAST_USED_RESOLUTION_SECONDS,
        RateLimitSettings.REQUESTS, RateLimitSettings.WINDOW_SECONDS, RateLimitSettings.FAILED_CHECKS, AuditSettings.RETENTION_DAYS};

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
                Map.entry("pkmnapi.token.min.lifetime.seconds", "7200"),
                Map.entry("pkmnapi.address.tags.allowed", "TRUE"),
                Map.entry("pkmnapi.last.used.resolution.seconds", "300"),
                Map.entry("pkmnapi.rate.limit.requests", "30"),
                Map.entry("pkmnapi.rate.limit.window.seconds", "10"),
                Map.entry("pkmnapi.rate.limit.failed.checks", "15"),
                Map.entry("pkmnapi.trusted.proxies", "10.0.0.1"),
                Map.entry("pkmnapi.cors.allowed.origins", "https://app.example.com"),
                Map.entry("pkmnapi.audit.retention.days", "30"),
                Map.entry("pkmnapi.metrics.allowed", "10.1.0.0/16")));

        assertEquals("Tokens <tokens@example.com>", settings.mail().from());
        assertEquals("java:global/mail/other", settings.mail().session());
        assertEquals(Optional.of(URI.create("https://tokens.example.com/")), settings.edge().publicBaseUrl());
        assertEquals(Duration.ofSeconds(60), settings.policy().resendWindow());
        assertEquals(Duration.ofSeconds(900), settings.policy().codeLifetime());
        assertEquals(3, settings.rateLimits().wrongCodes());
        assertEquals(2, settings.policy().tokenCap());
        assertEquals("jdbc:postgresql://db/pkmnapi", settings.database().jdbcUrl());
        assertEquals(Optional.of("pkmnapi"), settings.database().jdbcUser());
        assertEquals(Optional.of("secret"), settings.database().jdbcPassword());
        assertEquals(Optional.of(Duration.ofDays(1)), settings.policy().tokenLifetime());
        assertEquals(Duration.ofHours(2), settings.policy().minLifetime());
        assertTrue(settings.policy().tagsAllowed());
        assertEquals(Duration.ofSeconds(300), settings.policy().lastUsedResolution());
        assertEquals(30, settings.rateLimits().requests());
        assertEquals(Duration.ofSeconds(10), settings.rateLimits().window());
        assertEquals(15, settings.rateLimits().failedChecks());
        assertEquals("[10.0.0.1/32]", settings.edge().trustedProxies().toString());
        assertEquals(Set.of("https://app.example.com"), settings.edge().corsAllowedOrigins());
        assertEquals(Duration.ofDays(30), settings.audit().retention());
        assertEquals("[10.1.0.0/16]", settings.edge().metricsAllowed().toString());
    }

    @Test
    void theMetricsAreForLoopbackUnlessSetAndAnEntryThatIsNoAddressStops() {
        Settings defaults = settingsOf(Map.of());
        assertEquals(Duration.ofDays(365), defaults.audit().retention());
        assertTrue(defaults.edge().metricsAllowed().trusts(java.net.InetAddress.getLoopbackAddress()));
        assertTrue(defaults.edge().metricsAllowed().trusts(ip("::1")));
        assertFalse(defaults.edge().metricsAllowed().trusts(ip("127.0.0.2")), "the two loopback addresses only");
        assertFalse(defaults.edge().metricsAllowed().trusts(ip("10.1.2.3")));

        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(EdgeSettings.METRICS_ALLOWED, "prometheus.corp.example")));
        assertTrue(refusal.getMessage().contains("PKMNAPI_METRICS_ALLOWED"), refusal.getMessage());
    }

    @Test
    void databaseDirectoryGoesIntoTheDefaultJdbcUrl() {
        Settings settings = settingsOf(Map.of("pkmnapi.database.dir", "/var/lib/pkmnapi/derby"));

        assertEquals("jdbc:derby:/var/lib/pkmnapi/derby;create=true", settings.database().jdbcUrl());
    }

    @Test
    void anExplicitJdbcUrlWinsOverTheDatabaseDirectory() {
        Settings settings = settingsOf(Map.of(
                "pkmnapi.database.dir", "/var/lib/pkmnapi/derby",
                "pkmnapi.jdbc.url", "jdbc:derby:memory:test;create=true"));

        assertEquals("jdbc:derby:memory:test;create=true", settings.database().jdbcUrl());
    }

    @Test
    void numbersMayBeSurroundedByWhitespace() {
        assertEquals(Duration.ofSeconds(700), settingsOf(Map.of(TokenPolicy.RESEND_WINDOW_SECONDS, " 700 ")).policy().resendWindow());
    }

    @Test
    void environmentNameIsTheUpperCaseNameWithUnderscores() {
        assertEquals("PKMNAPI_MAIL_FROM", ConfigValues.environmentName("pkmnapi.mail.from"));
        assertEquals("PKMNAPI_RESEND_WINDOW_SECONDS", ConfigValues.environmentName(TokenPolicy.RESEND_WINDOW_SECONDS));
        assertEquals("PKMNAPI_PUBLIC_BASE_URL", ConfigValues.environmentName(EdgeSettings.PUBLIC_BASE_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://tokens.example.com", "https://tokens.example.com/"})
    void publicBaseUrlEndsWithASlash(String value) {
        assertEquals(Optional.of(URI.create("https://tokens.example.com/")),
                settingsOf(Map.of(EdgeSettings.PUBLIC_BASE_URL, value)).edge().publicBaseUrl());
    }

    @Test
    void publicBaseUrlKeepsItsPathAndPort() {
        assertEquals(Optional.of(URI.create("http://localhost:8080/pkmnapi/")),
                settingsOf(Map.of(EdgeSettings.PUBLIC_BASE_URL, "http://localhost:8080/pkmnapi")).edge().publicBaseUrl());
    }

    @Test
    void aMaximumLifetimeBelowTheMinimumStopsNamingBoth() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.TOKEN_LIFETIME_SECONDS, "600")));

        assertTrue(refusal.getMessage().contains("PKMNAPI_TOKEN_LIFETIME_SECONDS"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("at least pkmnapi.token.min.lifetime.seconds (3600)"), refusal.getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(600)), settingsOf(Map.of(TokenPolicy.TOKEN_LIFETIME_SECONDS, "600",
                TokenPolicy.TOKEN_MIN_LIFETIME_SECONDS, "600")).policy().tokenLifetime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "tru"})
    void aTagsSettingThatIsNoFlagStops(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.ADDRESS_TAGS_ALLOWED, value)));

        assertTrue(refusal.getMessage().contains("PKMNAPI_ADDRESS_TAGS_ALLOWED"), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith("true or false, but is: " + value), refusal.getMessage());
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
        assertTrue(refusal.getMessage().contains(ConfigValues.environmentName(name)), refusal.getMessage());
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
                () -> settingsOf(Map.of(EdgeSettings.PUBLIC_BASE_URL, value)));

        assertTrue(refusal.getMessage().contains("pkmnapi.public.base.url"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_PUBLIC_BASE_URL"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "  \n "})
    void blankValuesCountAsUnset(String blank) {
        Map<String, String> allBlank = Stream.of(MailSettings.FROM, MailSettings.SESSION, EdgeSettings.PUBLIC_BASE_URL,
                        TokenPolicy.RESEND_WINDOW_SECONDS, TokenPolicy.CODE_LIFETIME_SECONDS, RateLimitSettings.WRONG_CODES,
                        TokenPolicy.TOKEN_CAP, DatabaseSettings.JDBC_URL, DatabaseSettings.JDBC_USER, DatabaseSettings.JDBC_PASSWORD,
                        TokenPolicy.TOKEN_LIFETIME_SECONDS, TokenPolicy.LAST_USED_RESOLUTION_SECONDS,
                        RateLimitSettings.REQUESTS, RateLimitSettings.WINDOW_SECONDS,
                        RateLimitSettings.FAILED_CHECKS, EdgeSettings.TRUSTED_PROXIES,
                        EdgeSettings.CORS_ALLOWED_ORIGINS, TokenPolicy.TOKEN_CACHE_SECONDS)
                .collect(Collectors.toMap(name -> name, name -> blank));

        assertDefaults(settingsOf(allBlank));
    }

    @Test
    void trustedProxiesAreACommaSeparatedListOfAddressesAndRangesWithoutSpacesOrEmptyItems() {
        TrustedProxies proxies = settingsOf(Map.of(EdgeSettings.TRUSTED_PROXIES,
                " 10.0.0.1 , ,192.168.0.0/16,,  ::1 , 2001:db8::/32,")).edge().trustedProxies();

        for (String trusted : new String[] {"10.0.0.1", "192.168.7.7", "0:0:0:0:0:0:0:1", "2001:db8:ffff::1"}) {
            assertTrue(proxies.trusts(ip(trusted)), trusted);
        }
        for (String untrusted : new String[] {"10.0.0.2", "192.169.0.1", "::2", "2001:db9::1"}) {
            assertFalse(proxies.trusts(ip(untrusted)), untrusted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.0/33", "10.0.0.1:8080", "unknown"})
    void aTrustedProxyThatIsNoAddressOrRangeStopsWithTheSettingAndItsEnvironmentVariable(String entry) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(EdgeSettings.TRUSTED_PROXIES, "10.0.0.1, " + entry)));

        assertTrue(refusal.getMessage().contains("pkmnapi.trusted.proxies"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_TRUSTED_PROXIES"), refusal.getMessage());
        assertTrue(refusal.getMessage().endsWith(entry), refusal.getMessage());
    }

    @Test
    void corsAllowedOriginsAreLowerCasedWithoutATrailingSlash() {
        Settings settings = settingsOf(Map.of(EdgeSettings.CORS_ALLOWED_ORIGINS,
                "https://App.Example.com/ , http://localhost:3000,, HTTPS://B.EXAMPLE:8443/"));

        assertEquals(Set.of("https://app.example.com", "http://localhost:3000", "https://b.example:8443"),
                settings.edge().corsAllowedOrigins());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "*,", ", *"})
    void corsAllowedOriginsKeepTheWildcard(String value) {
        assertEquals(Set.of("*"), settingsOf(Map.of(EdgeSettings.CORS_ALLOWED_ORIGINS, value)).edge().corsAllowedOrigins());
    }

    @Test
    void corsAllowedOriginsKeepTheWildcardBesideOrigins() {
        assertEquals(Set.of("*", "https://app.example.com"),
                settingsOf(Map.of(EdgeSettings.CORS_ALLOWED_ORIGINS, "*, https://app.example.com")).edge().corsAllowedOrigins());
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
                () -> settingsOf(Map.of(EdgeSettings.CORS_ALLOWED_ORIGINS, "https://app.example.com, " + origin)));

        assertTrue(refusal.getMessage().contains("pkmnapi.cors.allowed.origins"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PKMNAPI_CORS_ALLOWED_ORIGINS"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(origin), refusal.getMessage());
    }

    /** Every concern's settings, as one server reads them. */
    record Settings(MailSettings mail, TokenPolicy policy, RateLimitSettings rateLimits, EdgeSettings edge,
            DatabaseSettings database, AuditSettings audit) {

        static Settings of(Config config) {
            return new Settings(MailSettings.from(config), TokenPolicy.from(config), RateLimitSettings.from(config),
                    EdgeSettings.from(config), DatabaseSettings.from(config), AuditSettings.from(config));
        }
    }

    /** An address literal, parsed without a look-up. */
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static Settings settingsOf(Map<String, String> values) {
        return Settings.of(TestConfig.of(values));
    }

    @Test
    void theEnvironmentVariableOfASettingSetsIt() {
        Settings settings = Settings.of(TestConfig.of(new EnvConfigSource(Map.of(
                "PKMNAPI_TOKEN_CAP", "3",
                "PKMNAPI_MAIL_RETRY_DELAYS_SECONDS", "",
                "PKMNAPI_RESEND_WINDOW_SECONDS", " ",
                "PKMNAPI_PUBLIC_BASE_URL", "https://tokens.example.com"), 300)));

        assertEquals(3, settings.policy().tokenCap());
        assertEquals(List.of(), settings.mail().retryDelays(), "set but empty: no retry");
        assertEquals(Duration.ofSeconds(600), settings.policy().resendWindow(), "blank: the default");
        assertEquals(Optional.of(URI.create("https://tokens.example.com/")), settings.edge().publicBaseUrl());
    }

    @Test
    void theTokenCacheTimeIsFiveSecondsByDefaultAndZeroTurnsItOff() {
        assertEquals(Duration.ofSeconds(5), settingsOf(Map.of()).policy().cacheTime());
        assertEquals(Duration.ZERO, settingsOf(Map.of(TokenPolicy.TOKEN_CACHE_SECONDS, "0")).policy().cacheTime());
        assertEquals(Duration.ofSeconds(30), settingsOf(Map.of(TokenPolicy.TOKEN_CACHE_SECONDS, "30")).policy().cacheTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5"})
    void aNegativeOrNonNumericTokenCacheTimeIsRefused(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.TOKEN_CACHE_SECONDS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_TOKEN_CACHE_SECONDS"), refusal.getMessage());
    }

    @Test
    void aCachedTokenOutlivesADatabaseOutageForFiveMinutesByDefaultAndZeroTurnsThatOff() {
        assertEquals(Duration.ofSeconds(300), settingsOf(Map.of()).policy().staleIfError());
        assertEquals(Duration.ZERO, settingsOf(Map.of(TokenPolicy.TOKEN_STALE_IF_ERROR_SECONDS, "0")).policy().staleIfError());
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.TOKEN_STALE_IF_ERROR_SECONDS, "-1")));
        assertTrue(refusal.getMessage().contains("PKMNAPI_TOKEN_STALE_IF_ERROR_SECONDS"), refusal.getMessage());
    }

    @Test
    void aRevocationElsewhereIsHonouredWithinASecondByDefault() {
        assertEquals(Duration.ofSeconds(1), settingsOf(Map.of()).policy().revocationDelay());
        assertEquals(Duration.ofMillis(250), settingsOf(Map.of(TokenPolicy.REVOCATION_DELAY_MILLIS, "250")).policy().revocationDelay());
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.REVOCATION_DELAY_MILLIS, "0")));
        assertTrue(refusal.getMessage().contains("PKMNAPI_REVOCATION_DELAY_MILLIS"), refusal.getMessage());
    }

    @Test
    void aRealmCallerIsTrustedForAMinuteByDefaultAndZeroAsksTheRealmEveryTime() {
        assertEquals(Duration.ofSeconds(60), settingsOf(Map.of()).edge().realmCacheTime());
        assertEquals(Duration.ZERO, settingsOf(Map.of(EdgeSettings.REALM_CACHE_SECONDS, "0")).edge().realmCacheTime());
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(EdgeSettings.REALM_CACHE_SECONDS, "-1")));
        assertTrue(refusal.getMessage().contains("PKMNAPI_REALM_CACHE_SECONDS"), refusal.getMessage());
    }

    private static void assertDefaults(Settings settings) {
        assertEquals("java:app/mail/pkmnapi", settings.mail().session());
        assertEquals("Pkmnapi <noreply@localhost>", settings.mail().from());
        assertEquals(Duration.ofSeconds(600), settings.policy().resendWindow());
        assertEquals(Duration.ofSeconds(3600), settings.policy().codeLifetime());
        assertEquals(10, settings.rateLimits().wrongCodes());
        assertEquals(10, settings.policy().tokenCap());
        assertTrue(settings.database().jdbcUrl().startsWith("jdbc:derby:"), settings.database().jdbcUrl());
        assertTrue(settings.database().jdbcUrl().endsWith(";create=true"), settings.database().jdbcUrl());
        assertEquals(Optional.empty(), settings.edge().publicBaseUrl());
        assertEquals(Optional.empty(), settings.database().jdbcUser());
        assertEquals(Optional.empty(), settings.database().jdbcPassword());
        assertEquals(Optional.empty(), settings.policy().tokenLifetime());
        assertEquals(Duration.ofHours(1), settings.policy().minLifetime());
        assertFalse(settings.policy().tagsAllowed());
        assertEquals(Duration.ofSeconds(60), settings.policy().lastUsedResolution());
        assertEquals(120, settings.rateLimits().requests());
        assertEquals(Duration.ofSeconds(60), settings.rateLimits().window());
        assertEquals(60, settings.rateLimits().failedChecks());
        assertTrue(settings.edge().trustedProxies().isEmpty());
        assertEquals(Set.of(), settings.edge().corsAllowedOrigins());
        assertEquals(Duration.ofSeconds(5), settings.policy().cacheTime());
        assertEquals(Duration.ofDays(7), settings.policy().unusedLifetime());
        assertEquals(Set.of(), settings.policy().allowedDomains());
        assertEquals(16, settings.mail().maxInFlight());
        assertEquals(Duration.ofSeconds(15), settings.mail().timeout());
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(300)),
                settings.mail().retryDelays());
    }

    @Test
    void theMailBoundsAndRetriesCanBeSet() {
        Settings settings = settingsOf(Map.of(MailSettings.MAX_IN_FLIGHT, "4", MailSettings.TIMEOUT_SECONDS, "3",
                MailSettings.RETRY_DELAYS_SECONDS, " 1, 2 ,0"));
        assertEquals(4, settings.mail().maxInFlight());
        assertEquals(Duration.ofSeconds(3), settings.mail().timeout());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO), settings.mail().retryDelays());
    }

    @Test
    void allowedDomainsAreLowerCasedAndMayStartWithAWildcard() {
        Settings settings = settingsOf(Map.of(TokenPolicy.ALLOWED_DOMAINS, "Corp.Example, *.lab.corp.example"));
        assertEquals(Set.of("corp.example", "*.lab.corp.example"), settings.policy().allowedDomains());
    }

    @ParameterizedTest
    @ValueSource(strings = {"corp.example/x", "*corp.example", "corp.*.example", "a@corp.example", "-corp.example", "*"})
    void anInvalidAllowedDomainIsRefusedWithTheSettingsName(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(TokenPolicy.ALLOWED_DOMAINS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_ALLOWED_DOMAINS"), refusal.getMessage());
    }

    @Test
    void anEmptyRetryListMeansNoRetry() {
        assertEquals(List.of(), settingsOf(Map.of(MailSettings.RETRY_DELAYS_SECONDS, "")).mail().retryDelays());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30,-1", "abc", "1.5", "30;120"})
    void anInvalidRetryListIsRefusedWithTheSettingsName(String value) {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> settingsOf(Map.of(MailSettings.RETRY_DELAYS_SECONDS, value)));
        assertTrue(refusal.getMessage().contains("PKMNAPI_MAIL_RETRY_DELAYS_SECONDS"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {MailSettings.MAX_IN_FLIGHT, MailSettings.TIMEOUT_SECONDS})
    void aMailBoundBelowOneIsRefused(String name) {
        assertThrows(IllegalStateException.class, () -> settingsOf(Map.of(name, "0")));
    }
}
