package org.bms.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bms.system.OwnerOnlyFiles;

/**
 * The SQLite file the service opened at start-up. SQLite keeps writing into a file that was deleted or swapped
 * underneath it, and answers success; so every commit that wrote first checks that the path still leads to this
 * very file, and health reports whether writes can succeed at all.
 *
 * <p>The file is created here, owner-only, before SQLite opens it (SQLite gives its WAL and shared-memory files
 * the same permissions), and connections never create it themselves: a missing file is an error, not an empty
 * new database.
 */
public final class DatabaseFile {

    private final Path path;
    private final Object identity;
    private final AtomicLong commits = new AtomicLong();
    /** Tells this process's count of commits from another's, which counts the same file's commits apart. */
    private final String process = UUID.randomUUID().toString();

    private DatabaseFile(Path path, Object identity) {
        this.path = path;
        this.identity = identity;
    }

    /** Creates the file (and its directory) owner-only if it does not exist yet, and remembers which file it is. */
    static DatabaseFile open(Path path) {
        try {
            try {
                OwnerOnlyFiles.createFile(path);
                refuseLeftoverJournal(path);
            } catch (FileAlreadyExistsException alreadyThere) {
                // A database from an earlier start: keep it, and its permissions, as they are.
            }
            return new DatabaseFile(path, identityOf(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database file of bms.database.url " + path, e);
        }
    }

    /**
     * A write-ahead log without its database means the database was deleted: SQLite would replay the log into
     * the new empty file. Refuse to start rather than pass off an empty database as the one that was there.
     */
    private static void refuseLeftoverJournal(Path path) throws IOException {
        Path wal = path.resolveSibling(path.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.delete(path);
            throw new IllegalStateException("bms.database.url names " + path + ", which does not exist, but its"
                    + " write-ahead log " + wal + " does: was the database deleted? Restore it, or delete "
                    + wal.getFileName() + " and " + path.getFileName() + "-shm to start with an empty one.");
        }
    }

    public Path path() {
        return path;
    }

    /** Counts a commit that changed something, made by this process (the writer connection reports each one). */
    void committed() {
        commits.incrementAndGet();
    }

    /**
     * The commits that changed something this process has made into the file, as a value no other process's
     * count can equal.
     */
    String commits() {
        return process + ":" + commits.get();
    }

    /** Refuses a commit into a file that is no longer the one opened at start-up. */
    void verifyUnchanged() throws DatabaseFileChangedException {
        Optional<String> change = change();
        if (change.isPresent()) {
            throw new DatabaseFileChangedException(path, change.get());
        }
    }

    /** Why a write cannot succeed now, in words for a health report; empty when nothing stands in the way. */
    public Optional<String> obstacle() {
        Optional<String> change = change();
        if (change.isPresent()) {
            return Optional.of("the file " + change.get() + " since start-up");
        }
        try {
            if (Files.getFileStore(path).isReadOnly()) {
                return Optional.of("the file system is read-only");
            }
        } catch (IOException e) {
            return Optional.of("the file system cannot be read: " + e.getMessage());
        }
        for (Path needed : new Path[] {path, path.getParent(), sibling("-wal")}) {
            if (Files.exists(needed) && !Files.isWritable(needed)) {
                return Optional.of(needed.getFileName() + " is not writable");
            }
        }
        return Optional.empty();
    }

    private Optional<String> change() {
        try {
            return Objects.equals(identityOf(path), identity) ? Optional.empty() : Optional.of("was replaced");
        } catch (NoSuchFileException e) {
            return Optional.of("was deleted");
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getMessage() + ")");
        }
    }

    private Path sibling(String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    /** Device and inode where the file system has them; without them only a deletion is noticed. */
    private static Object identityOf(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }
}
