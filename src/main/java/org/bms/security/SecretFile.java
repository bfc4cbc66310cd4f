package org.bms.security;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.bms.system.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 secret the service makes for itself when no key is configured: random, one line of text in a file
 * only its owner may read, made on the first start and read on every later one, so tokens outlive restarts and
 * the command-line client can mint them from the same file.
 */
final class SecretFile {

    private static final Logger log = LoggerFactory.getLogger(SecretFile.class);
    private static final int RANDOM_BYTES = 48;

    private SecretFile() {}

    /** The secret in {@code file}, made first if the file does not exist. */
    static String readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            String secret = read(file);
            log.info("Tokens are checked with the HS256 secret in {}", v("secretFile", file.toAbsolutePath()));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create JWT_SECRET_FILE " + file, e);
        }
    }

    /**
     * Writes the secret beside the file and links it into place: the file appears whole or not at all, and of two
     * instances starting at once the first one's secret is the one both use.
     */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path draft = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + ".new");
        OwnerOnlyFiles.createFile(draft);
        try {
            Files.writeString(draft, secret + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, draft);
            log.info("Generated a token secret in {}", v("secretFile", file.toAbsolutePath()));
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // Theirs is as good as ours, and already in use.
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static String read(Path file) throws IOException {
        warnIfOthersMayRead(file);
        // One line of text; its line end is not part of the secret.
        String secret = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
        if (secret.getBytes(StandardCharsets.UTF_8).length < JwtProperties.MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET_FILE " + file + " holds fewer than "
                    + JwtProperties.MIN_SECRET_BYTES + " bytes; delete it to have a new secret made");
        }
        return secret;
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        // Asked of the file system, not of the file's store: finding the store needs its mount in /proc/self/mounts,
        // which a chroot does not show.
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            log.warn(
                    "The token secret in {} is readable by others than its owner: chmod 600 it",
                    v("secretFile", file.toAbsolutePath()));
        }
    }
}
