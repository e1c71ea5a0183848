package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorTest {

    @Test
    void everyIdIsWrittenOnce() {
        Set<String> ids = Arrays.stream(ApiError.values()).map(ApiError::id).collect(Collectors.toSet());
        assertEquals(ApiError.values().length, ids.size());
    }

    @ParameterizedTest
    @CsvSource({
        "400, error_bad_request", "403, error_forbidden", "404, error_not_found", "405, error_method_not_allowed",
        "406, error_not_acceptable", "413, error_payload_too_large", "415, error_unsupported_media_type",
        "429, error_too_many_requests", "500, error_internal_server", "503, error_service_unavailable",
        "418, error_bad_request", "502, error_internal_server"})
    void aBareStatusGetsItsGenericEntryNeverOneOfTheAccessTokenEndpoints(int status, String id) {
        assertEquals(id, ApiError.ofStatus(status).id());
    }

    /** The OpenAPI description promises exactly the errors the service can answer with. */
    @Test
    void theErrorIdsOfTheOpenApiDescriptionAreExactlyTheCatalogues() throws IOException {
        String description;
        try (InputStream in = ApiError.class.getResourceAsStream("openapi.json")) {
            description = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> described = Pattern.compile("\\berror_[a-z_]+").matcher(description).results()
                .map(match -> match.group())
                .collect(Collectors.toSet());

        assertEquals(Arrays.stream(ApiError.values()).map(ApiError::id).collect(Collectors.toSet()), described);
    }

    @Test
    void theTooManyRequestsMessageIsTheOriginals() {
        assertEquals("Too many requests. Please try again in 7 seconds.", ApiError.tooManyRequests(7));
    }
}
