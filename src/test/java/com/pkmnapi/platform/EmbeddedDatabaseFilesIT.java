package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pkmnapi.testsupport.Deployments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the embedded database that the deployment made, and Derby's log beside it,
 * are for the server's user alone (Derby makes them under the umask, 0644 as a rule, unless told
 * otherwise). Not run where the build runs on another database (decided in the test JVM: an
 * assumption that fails inside the server is reported as an error).
 */
@DisabledIfSystemProperty(named = "it.database.kind", matches = ".+")
@ExtendWith(ArquillianExtension.class)
class EmbeddedDatabaseFilesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClass(EmbeddedDatabaseFilesIT.class);
    }

    @Test
    void theDatabaseDirectoryIs0700AndItsFiles0600() throws Exception {
        String url = DatabaseSettings.from(ConfigProvider.getConfig(getClass().getClassLoader())).jdbcUrl();
        assertTrue(ConfiguredDataSource.isEmbeddedDerby(url), url);
        Path database = Path.of(url.substring("jdbc:derby:".length()).split(";", 2)[0]).toAbsolutePath();
        // beside the database, or where a server booted Derby's engine before the WAR set its log
        List<Path> logs = Stream.of(Path.of(database + "-derby.log"), ConfiguredDataSource.engineLog())
                .filter(Files::isRegularFile).toList();

        List<Path> all;
        try (Stream<Path> paths = Files.walk(database)) {
            all = paths.toList();
        }
        assertTrue(all.stream().anyMatch(Files::isRegularFile), "Derby's files under " + database);
        for (Path path : all) {
            String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
        }
        assertFalse(logs.isEmpty(), "Derby's log");
        for (Path log : logs) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)), log.toString());
        }
    }
}
