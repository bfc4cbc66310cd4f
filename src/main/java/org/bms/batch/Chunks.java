package org.bms.batch;

import java.util.concurrent.RecursiveTask;
import java.util.function.BinaryOperator;

/**
 * Reads the chunks {@code [from, to)} and combines what they give: splits the range in halves until one chunk is
 * left, then reads it. Only the results still to be combined are in memory, never the chunks' rows.
 */
final class Chunks<R> extends RecursiveTask<R> {

    /** Reads one chunk, by its index. */
    @FunctionalInterface
    interface Reader<R> {
        R read(long chunk);
    }

    private final Reader<R> reader;
    private final BinaryOperator<R> combine;
    private final long from;
    private final long to;

    Chunks(Reader<R> reader, BinaryOperator<R> combine, long from, long to) {
        this.reader = reader;
        this.combine = combine;
        this.from = from;
        this.to = to;
    }

    @Override
    protected R compute() {
        if (to - from == 1) {
            return reader.read(from);
        }
        long middle = (from + to) >>> 1;
        Chunks<R> left = new Chunks<>(reader, combine, from, middle);
        left.fork();
        R right = new Chunks<>(reader, combine, middle, to).compute();
        return combine.apply(left.join(), right);
    }
}
