package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.MicroServer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The settings are read through MicroProfile Config, so a config source of the server serves as
 * well as the environment (configuration.md): on a real Payara Micro, a setting put into the
 * domain's source by {@code set-config-property} in a post-boot command file. A value there that
 * cannot be used stops the deployment with a message that names the setting. Not Arquillian: the
 * managed container takes no post-boot commands of a test's own.
 */
class PayaraConfigSourceIT {

    private static final Path WORK = Path.of(System.getProperty("it.tmp.dir", "target"), "payara-config-source");

    @Test
    void aSettingInTheDomainsConfigSourceTakesEffect() throws Exception {
        // only this address may read the metrics: loopback, which may by default, no longer can
        try (MicroServer server = server("domain-setting", "pkmnapi.metrics.allowed", "10.9.9.9").start()) {
            assertEquals(200, server.api().send("GET", "v1/health", BodyPublishers.noBody()).statusCode());
            assertEquals(404, server.api().send("GET", "v1/metrics", BodyPublishers.noBody()).statusCode());
        }
    }

    @Test
    void aValueThatCannotBeUsedStopsTheDeploymentNamingTheSetting() throws Exception {
        MicroServer.Builder server = server("bad-setting", "pkmnapi.token.cap", "0");

        AssertionFailedError failed = assertThrows(AssertionFailedError.class, server::start);

        assertTrue(failed.getMessage().contains("did not deploy"), failed.getMessage());
        String log = Files.readString(WORK.resolve("payara-micro-bad-setting.log"));
        assertTrue(log.contains("Setting pkmnapi.token.cap (environment PKMNAPI_TOKEN_CAP) must be a whole number above 0, but is: 0"),
                "the log names the setting");
    }

    private static MicroServer.Builder server(String name, String setting, String value) throws Exception {
        Files.createDirectories(WORK);
        Path commands = WORK.resolve(name + ".asadmin");
        Files.writeString(commands, "set-config-property --source=domain --propertyName=" + setting
                + " --propertyValue=" + value + "\n");
        return MicroServer.named(name, WORK)
                .jvmOption("-Dpkmnapi.database.dir=" + WORK.resolve(name + "-derby"))
                .postBootCommands(commands);
    }
}
