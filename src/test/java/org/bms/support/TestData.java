package org.bms.support;

import java.util.concurrent.atomic.AtomicLong;

/** Values for the data tests create, from one place, so that no test class keeps a counter of its own. */
public final class TestData {

    /** Seeded from the clock, so that runs against one PostgreSQL server rarely meet either. */
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private TestData() {}

    /** An account number no other test of this run uses: ten digits, so never mistaken for an IBAN. */
    public static String accountNumber() {
        return String.format("%010d", NUMBERS.incrementAndGet() % 10_000_000_000L);
    }
}
