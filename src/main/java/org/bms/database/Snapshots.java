package org.bms.database;

import java.sql.SQLException;

/**
 * Opens several read-only connections that all see one and the same committed state of the database, so that
 * work split across threads reads one consistent snapshot. Each database has its own way to get there.
 */
public interface Snapshots {

    /** Opens {@code count} connections on the current committed state; close the snapshot when done. */
    Snapshot open(int count) throws SQLException;

    /**
     * The database's committed state now, as a value that is the same for two moments only if nothing was committed
     * in between: what a result computed from a snapshot can be kept against ({@link Snapshot#state()}). A commit
     * a client was told about is always counted.
     */
    String committedState() throws SQLException;
}
