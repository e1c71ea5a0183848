package com.pkmnapi.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class SystemProgramsTest {

    private static final String MISSING = "/nonexistent/nginx (install Debian's nginx)";

    @Test
    void aTestWhoseProgramsAreThereRuns() {
        assertFalse(SystemPrograms.decide("NginxGatewayIT", "", Map.of("CI", "true")).isDisabled());
    }

    @Test
    void aMissingProgramSkipsTheTestNamingTheDebianPackage() {
        ConditionEvaluationResult result = SystemPrograms.decide("NginxGatewayIT", MISSING, Map.of());

        assertTrue(result.isDisabled());
        assertEquals("NginxGatewayIT needs " + MISSING + ". Skipped.", result.getReason().orElseThrow());
    }

    @Test
    void aMissingProgramFailsTheTestUnderCi() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SystemPrograms.decide("NginxGatewayIT", MISSING, Map.of("CI", "true")));

        assertEquals("NginxGatewayIT needs " + MISSING + ". CI=true: a missing program fails the build.",
                failure.getMessage());
    }

    @Test
    void onlyCiTrueFails() {
        assertTrue(SystemPrograms.decide("NginxGatewayIT", MISSING, Map.of("CI", "false")).isDisabled());
    }

    @Test
    void aProgramAtAPathThatDoesNotExistIsMissing() {
        String before = System.getProperty("it.nginx");
        System.setProperty("it.nginx", "/nonexistent/nginx");
        try {
            assertEquals("/nonexistent/nginx", SystemPrograms.Program.NGINX.missing());
        } finally {
            if (before == null) {
                System.clearProperty("it.nginx");
            } else {
                System.setProperty("it.nginx", before);
            }
        }
    }
}
