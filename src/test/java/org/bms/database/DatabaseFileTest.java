package org.bms.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file is created owner-only, and one that vanished is told apart from a first start. */
class DatabaseFileTest {

    @TempDir
    Path directory;

    @Test
    void aNewDatabaseAndItsDirectoryAreCreatedForTheOwnerOnly() throws Exception {
        Path path = directory.resolve("data").resolve("db.sqlite");
        DatabaseFile.open(path);
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(path.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aDatabaseDeletedUnderItsWriteAheadLogIsNotReplacedByAnEmptyOne() throws Exception {
        Path path = directory.resolve("db.sqlite");
        try (Connection open = DriverManager.getConnection("jdbc:sqlite:" + path);
                Statement statement = open.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE account (id INTEGER)");
            Files.delete(path);
            assertThat(directory.resolve("db.sqlite-wal")).exists();

            assertThatThrownBy(() -> DatabaseFile.open(path))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bms.database.url")
                    .hasMessageContaining("was the database deleted?");
            assertThat(path).doesNotExist();
        }
    }

    @Test
    void anUnchangedFileHasNoObstacleAndADeletedOrReplacedOneIsNamed() throws Exception {
        Path path = directory.resolve("db.sqlite");
        DatabaseFile file = DatabaseFile.open(path);
        // The service always holds the file open, so its inode cannot be handed to a new file meanwhile.
        try (Connection open = DriverManager.getConnection("jdbc:sqlite:" + path)) {
            assertThat(file.obstacle()).isEmpty();
            Files.delete(path);
            assertThat(file.obstacle()).hasValue("the file was deleted since start-up");
            Files.createFile(path);
            assertThat(file.obstacle()).hasValue("the file was replaced since start-up");
        }
    }
}
