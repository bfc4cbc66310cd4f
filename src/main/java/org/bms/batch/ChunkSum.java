package org.bms.batch;

import java.util.concurrent.RecursiveTask;

/** Sums the chunks {@code [from, to)}: splits the range in halves until one chunk is left, then reads it. */
final class ChunkSum extends RecursiveTask<Subtotals> {

    private final ChunkReader reader;
    private final long from;
    private final long to;

    ChunkSum(ChunkReader reader, long from, long to) {
        this.reader = reader;
        this.from = from;
        this.to = to;
    }

    @Override
    protected Subtotals compute() {
        if (to - from == 1) {
            return reader.sum(from);
        }
        long middle = (from + to) >>> 1;
        ChunkSum left = new ChunkSum(reader, from, middle);
        left.fork();
        Subtotals right = new ChunkSum(reader, middle, to).compute();
        return left.join().mergedWith(right);
    }
}
