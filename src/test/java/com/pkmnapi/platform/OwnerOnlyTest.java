package com.pkmnapi.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embedded database made before the upgrade, under the umask, is made owner-only at start. */
class OwnerOnlyTest {

    @TempDir
    Path folder;

    @Test
    void directoriesBecome0700AndFiles0600() throws Exception {
        Path database = Files.createDirectories(folder.resolve("derby/seg0"));
        Path file = Files.writeString(database.resolve("c10.dat"), "x");
        Path log = Files.writeString(folder.resolve("derby-derby.log"), "x");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));

        ConfiguredDataSource.ownerOnly(folder.resolve("derby"));
        ConfiguredDataSource.ownerOnly(log);
        ConfiguredDataSource.ownerOnly(folder.resolve("not-there"));

        assertEquals("rwx------", permissions(folder.resolve("derby")));
        assertEquals("rwx------", permissions(database));
        assertEquals("rw-------", permissions(file));
        assertEquals("rw-------", permissions(log));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
