package org.bms.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bms.account.ActiveBalances;

/**
 * Sums one chunk of accounts on one of the snapshot's connections. A chunk is {@code size} consecutive
 * account ids; each connection has its sum prepared once and serves one chunk at a time.
 */
final class ChunkReader implements AutoCloseable {

    private final BlockingQueue<ActiveBalances.RangeSum> sums;
    private final long firstId;
    private final int size;

    ChunkReader(List<Connection> snapshot, List<String> currencies, long firstId, int size) throws SQLException {
        this.firstId = firstId;
        this.size = size;
        this.sums = new ArrayBlockingQueue<>(snapshot.size());
        for (Connection connection : snapshot) {
            sums.add(ActiveBalances.rangeSum(connection, currencies));
        }
    }

    /** Sums chunk {@code index}; blocks only while every connection is busy with another chunk. */
    Subtotals sum(long index) {
        ActiveBalances.RangeSum sum = take();
        try {
            var subtotals = new Subtotals();
            for (ActiveBalances.Subtotal subtotal : sum.sum(firstId + index * size, firstId + (index + 1) * size)) {
                subtotals.add(subtotal.currency(), subtotal.minorUnits(), subtotal.accounts());
            }
            return subtotals;
        } catch (SQLException e) {
            throw new IllegalStateException("Summing chunk " + index + " failed", e);
        } finally {
            sums.add(sum);
        }
    }

    private ActiveBalances.RangeSum take() {
        try {
            return sums.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a snapshot connection", e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (ActiveBalances.RangeSum sum : sums) {
            sum.close();
        }
    }
}
