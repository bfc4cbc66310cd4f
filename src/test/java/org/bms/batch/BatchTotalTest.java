package org.bms.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bms.database.Snapshots;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.Json;
import org.bms.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The batch total is exact, per currency, over active accounts only, and from one consistent snapshot. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "bms.database.url=target/test-db/batch-${random.uuid}.sqlite",
            "LOG_PATH=target/test-logs",
            "bms.batch.size=7",
            "bms.batch.parallelism=2"
        })
class BatchTotalTest {

    @LocalServerPort
    private int port;

    @Autowired
    private BatchTotalService batch;

    @Autowired
    private Snapshots snapshots;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transactions;

    private ApiClient api;

    @BeforeEach
    void emptyDatabase() {
        api = new ApiClient(port);
        // The journal keeps accounts with history for good; closed behind the service's back, they count for nothing.
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM notification");
            jdbc.update("UPDATE account SET status = 'CLOSED'");
        });
    }

    @Test
    void anEmptyBankTotalsNothing() {
        BatchTotal total = batch.total(true);
        assertThat(total.accounts()).isZero();
        assertThat(total.totals()).isEmpty();
        assertThat(total.chunks()).isZero();
    }

    @Test
    void aThousandTimesTenCentsIsExactlyAHundredDollars() {
        for (int i = 0; i < 1000; i++) {
            open("0.10", "USD");
        }
        BatchTotal total = batch.total(true);
        assertThat(total.accounts()).isEqualTo(1000);
        assertThat(total.totals()).singleElement().satisfies(usd -> {
            assertThat(usd.currency()).isEqualTo("USD");
            assertThat(usd.total()).isEqualTo(new BigDecimal("100.00"));
            assertThat(usd.accounts()).isEqualTo(1000);
        });
        assertThat(total.chunks()).isEqualTo(143); // 1000 ids in chunks of 7
        assertThat(total.parallelism()).isEqualTo(2);
    }

    @Test
    void eachCurrencyIsTotalledAtItsOwnScaleAndClosedAccountsAreLeftOut() {
        open("1000.25", "USD");
        open("2500.00", "USD");
        open("10.50", "EUR");
        open("5000", "JPY");
        long closing = open("0", "GBP");
        assertThat(api.delete("/accounts/" + closing).status()).isEqualTo(204);

        BatchTotal total = batch.total(true);

        assertThat(total.accounts()).isEqualTo(4);
        assertThat(total.totals())
                .extracting(t -> t.currency() + " " + t.total().toPlainString() + " " + t.accounts())
                .containsExactly("EUR 10.50 1", "JPY 5000 1", "USD 3500.25 2");
    }

    @Test
    void balancesNearTheMaximumAreSummedExactly() {
        open("999999999999999.99", "USD");
        open("999999999999999.99", "USD");
        open("0.01", "USD");
        assertThat(batch.total(true).totals().get(0).total()).isEqualTo(new BigDecimal("1999999999999999.99"));
    }

    @Test
    void aTotalBeyondSixtyFourBitsOfMinorUnitsIsStillExact() {
        // Ten of the largest balance in Bahraini dinar (three decimals) are 9,999,999,999,999,999,900 fils: past
        // 2^63 - 1, where SQLite's own SUM fails. In chunks of 10 the first and the last chunk hold ten each, with
        // ten chunks of small balances between: whatever the order, a connection sums on after a chunk that
        // overflowed. Chunks of 7 (as configured here) and of 1000 (all in one) give the same exact total.
        openMany(10, "999999999999999.99", "BHD");
        openMany(100, "1", "BHD");
        openMany(10, "999999999999999.99", "BHD");

        for (BatchTotalService service : List.of(chunksOf(10, 1), batch, chunksOf(1000, 2))) {
            assertThat(service.total(true).totals())
                    .extracting(t -> t.currency() + " " + t.total().toPlainString() + " " + t.accounts())
                    .containsExactly("BHD 20000000000000099.800 120");
        }
        Response response = api.get("/batch/total", "Cache-Control", "no-cache");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"total\":20000000000000099.800");
    }

    @ParameterizedTest(name = "{0} accounts in chunks of {1} make {2} chunks")
    @CsvSource({"10, 1, 10", "10, 10, 1", "10, 11, 1", "10, 3, 4", "1, 1000, 1"})
    void chunksCoverTheAccountsWhateverTheBatchSize(int count, int size, long chunks) {
        for (int i = 0; i < count; i++) {
            open("1.00", "USD");
        }
        BatchTotal total = chunksOf(size, 2).total(true);

        assertThat(total.chunks()).isEqualTo(chunks);
        assertThat(total.chunkSize()).isEqualTo(size);
        assertThat(total.accounts()).isEqualTo(count);
        assertThat(total.totals().get(0).total()).isEqualTo(new BigDecimal(count + ".00"));
    }

    @Test
    void moneyMovedWhileTotallingIsCountedWhollyBeforeOrWhollyAfter() throws Exception {
        List<Long> pair = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long account = open("100.00", "USD");
            if (i == 3 || i == 36) {
                pair.add(account);
            }
        }
        BigDecimal conserved = new BigDecimal("4000.00");
        var moving = new AtomicBoolean(true);
        List<Response> refused = new CopyOnWriteArrayList<>();
        Thread mover = new Thread(() -> {
            // Back and forth through the API, 0.01 to 0.50 at a time: neither account ever runs dry.
            var transfers = new ApiClient(port);
            for (int n = 0; moving.get(); n++) {
                Response moved = transfer(transfers, pair.get(n % 2), pair.get((n + 1) % 2), n % 50 + 1);
                if (moved.status() != 201) {
                    refused.add(moved);
                }
            }
        });
        mover.start();
        try {
            for (int i = 0; i < 200; i++) {
                assertThat(batch.total(true).totals().get(0).total()).isEqualTo(conserved);
            }
        } finally {
            moving.set(false);
            mover.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(refused).isEmpty();
        assertThat(api.get("/accounts/" + pair.get(0)).json("$.version", Integer.class))
                .isGreaterThan(10);
    }

    @Test
    void anUnchangedBankIsServedFromTheCacheAndAWriteEvictsIt() {
        open("1.00", "USD");
        BatchTotal first = batch.total(false);
        assertThat(batch.total(false)).isEqualTo(first);

        open("2.00", "USD");
        BatchTotal afterWrite = batch.total(false);
        assertThat(afterWrite.totals().get(0).total()).isEqualTo(new BigDecimal("3.00"));
        assertThat(afterWrite.asOf()).isAfter(first.asOf());
    }

    @Test
    void noCacheRecomputesOverHttpAndTheBodyHasTheContractsShape() {
        open("3500.25", "USD");
        Response cachedOnce = api.get("/batch/total");
        Response cachedAgain = api.get("/batch/total");
        Response fresh = api.get("/batch/total", "Cache-Control", "no-cache");

        assertThat(cachedOnce.status()).isEqualTo(200);
        assertThat(cachedAgain.body()).isEqualTo(cachedOnce.body());
        json(fresh).extractingPath("$.asOf").asString().isNotEqualTo(cachedOnce.json("$.asOf", String.class));
        json(fresh)
                .extractingPath("$")
                .asMap()
                .containsOnlyKeys("asOf", "accounts", "totals", "chunkSize", "chunks", "parallelism", "elapsedMs");
        assertThat(fresh.body()).contains("\"totals\":[{\"currency\":\"USD\",\"total\":3500.25,\"accounts\":1}]");
        json(fresh).extractingPath("$.chunkSize").isEqualTo(7);
    }

    private static Response transfer(ApiClient client, long from, long to, long cents) {
        String body = "{\"from\":%d,\"to\":%d,\"amount\":\"%s\"}"
                .formatted(from, to, BigDecimal.valueOf(cents, 2).toPlainString());
        return client.post(
                "/transfers", body, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private void openMany(int count, String balance, String currency) {
        for (int i = 0; i < count; i++) {
            open(balance, currency);
        }
    }

    private BatchTotalService chunksOf(int size, int parallelism) {
        return new BatchTotalService(
                snapshots,
                new ForkJoinPool(parallelism),
                new BatchProperties(size, parallelism),
                new ConcurrentMapCacheManager(),
                new SimpleMeterRegistry());
    }

    /** Opens an account through the API; its id. */
    private long open(String balance, String currency) {
        String number = TestData.accountNumber();
        Response opened = api.post("/accounts", Json.account("Holder " + number, number, balance, currency));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.id();
    }
}
