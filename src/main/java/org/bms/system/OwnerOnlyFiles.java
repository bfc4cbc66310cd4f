package org.bms.system;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files the service creates (its database, its logs) hold account data, so only the user it runs as may read
 * them: directories {@code rwx------}, files {@code rw-------}, whatever the umask. Where the file system has no
 * POSIX permissions, the directory's own protection applies.
 */
public final class OwnerOnlyFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {}

    /** Creates the missing directories of {@code directory}, owner-only. */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.notExists(directory)) {
            Files.createDirectories(directory, ownerOnly("rwx------"));
        }
    }

    /**
     * Creates {@code file} owner-only, its directory too if missing.
     *
     * @throws java.nio.file.FileAlreadyExistsException if it exists already
     */
    public static void createFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        Files.createFile(file, ownerOnly("rw-------"));
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
