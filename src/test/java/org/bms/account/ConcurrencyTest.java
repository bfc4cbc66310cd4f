package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;
import static org.bms.support.JsonAssertions.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Many clients at once against one SQLite file: the single writer connection must serialise writes without
 * losing any, refusing any with a 5xx, or letting a unique number in twice.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/concurrency-${random.uuid}.sqlite")
class ConcurrencyTest extends HttpIntegrationTest {

    private static final String STALE_VERSION = "https://bms.example/problems/stale-version";

    /** Upper bound for a whole burst; a healthy service needs a few seconds on a slow machine. */
    private static final long BURST_TIMEOUT_SECONDS = 120;

    @Test
    void sixtyFourClientsOpeningDistinctAccountsAtOnceAreAllServedAndAllReadable() {
        int clients = 64;
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            numbers.add(uniqueNumber());
        }

        List<Response> responses = allAtOnce(clients, i -> api.create("Holder " + i, numbers.get(i), i + ".25"));

        assertThat(responses)
                .extracting(Response::status)
                .as(responses::toString)
                .containsOnly(201);
        List<Long> ids = responses.stream().map(Response::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 0; i < clients; i++) {
            Response read = api.get("/accounts/" + ids.get(i));
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            json(read).extractingPath("$.number").isEqualTo(numbers.get(i));
            json(read).extractingPath("$.name").isEqualTo("Holder " + i);
            assertThat(balanceOf(read)).isEqualByComparingTo(i + ".25");
            assertThat(read.etag()).isEqualTo("\"0\"");
        }
    }

    @Test
    void fiftyClientsRacingForTheSameNumberOpenExactlyOneAccount() {
        int clients = 50;
        String number = uniqueNumber();

        List<Response> responses = allAtOnce(clients, i -> api.create("Racer " + i, number, "1"));

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
        assertThat(byStatus).as(responses::toString).containsOnly(Map.entry(201, 1L), Map.entry(409, 49L));
        assertThat(responses).filteredOn(response -> response.status() == 409).allSatisfy(refused -> {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            json(refused).extractingPath("$.type").isEqualTo("https://bms.example/problems/duplicate-account-number");
        });
        Response winner = responses.stream()
                .filter(response -> response.status() == 201)
                .findFirst()
                .orElseThrow();

        Response withThatNumber = api.get("/accounts?number=" + number);
        assertThat(withThatNumber.status()).isEqualTo(200);
        json(withThatNumber)
                .extractingPath("$.page.totalElements")
                .convertTo(LONG)
                .isEqualTo(1);
        json(withThatNumber).extractingPath("$.content[0].id").convertTo(LONG).isEqualTo(winner.id());
        json(withThatNumber).extractingPath("$.content[0].name").isEqualTo(winner.json("$.name", String.class));
    }

    @Test
    void concurrentConditionalRevisionsOfOneAccountLoseNoUpdate() {
        int clients = 32;
        int writesPerClient = 3;
        int maxAttemptsPerWrite = 1_000;
        String number = uniqueNumber();
        Response created = api.create("Contended", number, "0");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/accounts/" + created.id();

        Map<Long, Write> writesByVersion = new ConcurrentHashMap<>();
        List<Response> unexpected = Collections.synchronizedList(new ArrayList<>());

        List<Integer> succeeded = allAtOnce(clients, client -> {
            int done = 0;
            for (int write = 0; write < writesPerClient; write++) {
                // Every write is distinguishable: its own name and balance.
                var intended = new Write("Writer " + client + "-" + write, client + "." + (10 + write));
                for (int attempt = 0; attempt < maxAttemptsPerWrite; attempt++) {
                    Response read = api.get(path);
                    if (read.status() != 200) {
                        unexpected.add(read);
                        return done;
                    }
                    Response put = api.put(
                            path, Json.account(intended.name(), number, intended.balance()), "If-Match", read.etag());
                    if (put.status() == 200) {
                        Write previous = writesByVersion.put(put.json("$.version", Long.class), intended);
                        if (previous != null) {
                            unexpected.add(put);
                        }
                        assertThat(put.etag()).isEqualTo("\"" + put.json("$.version") + "\"");
                        json(put).extractingPath("$.name").isEqualTo(intended.name());
                        assertThat(balanceOf(put)).isEqualByComparingTo(intended.balance());
                        done++;
                        break;
                    }
                    // Only a lost race may refuse it: a 412 that says the version moved on.
                    if (put.status() != 412 || !STALE_VERSION.equals(put.json("$.type", String.class))) {
                        unexpected.add(put);
                        return done;
                    }
                }
            }
            return done;
        });

        assertThat(unexpected)
                .as("responses other than 200 and 412, or a version granted twice")
                .isEmpty();
        int successfulWrites = succeeded.stream().mapToInt(Integer::intValue).sum();
        assertThat(successfulWrites).isEqualTo(clients * writesPerClient);
        // Each 200 moved the version by exactly one, and every version from 1 up was handed out once.
        assertThat(writesByVersion.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, successfulWrites).boxed().toList());

        Response last = api.get(path);
        assertThat(last.status()).isEqualTo(200);
        json(last).extractingPath("$.version").convertTo(LONG).isEqualTo(successfulWrites);
        assertThat(last.etag()).isEqualTo("\"" + successfulWrites + "\"");
        Write lastWrite = writesByVersion.get((long) successfulWrites);
        json(last).extractingPath("$.name").isEqualTo(lastWrite.name());
        assertThat(balanceOf(last)).isEqualByComparingTo(lastWrite.balance());
    }

    /** What one successful PUT wrote. */
    private record Write(String name, String balance) {}

    private static BigDecimal balanceOf(Response response) {
        return new BigDecimal(response.json("$.balance").toString());
    }

    /**
     * Runs {@code task(0..n-1)} on n threads released together by a barrier, and returns the results in task
     * order. Fails the test if the burst does not finish in time or a task throws.
     */
    private static <T> List<T> allAtOnce(int n, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CyclicBarrier(n);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.apply(index);
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BURST_TIMEOUT_SECONDS);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("A concurrent client failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("The burst did not finish within " + BURST_TIMEOUT_SECONDS + " s", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
