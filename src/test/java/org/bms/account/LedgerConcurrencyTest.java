package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Many tellers moving money at once, on a database of its own: no movement lost or made twice, no overdraft, money
 * conserved to the cent per currency, every statement and the reconciliation in agreement, and the total of a
 * currency that only moves between accounts never seen to change.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/ledger-concurrency-${random.uuid}.sqlite")
class LedgerConcurrencyTest extends HttpIntegrationTest {

    private static final int THREADS = 32;
    private static final int MOVES_PER_THREAD = 25;

    /** A movement a client was told about (201), with the accounts it names. */
    record Acknowledged(long id, Long from, Long to, BigDecimal amount) {}

    @Test
    void randomTransfersDepositsAndWithdrawalsAmongADozenAccountsKeepEveryPromise() throws Exception {
        List<Long> usd = open("USD", 6, "500.00");
        List<Long> eur = open("EUR", 6, "300.00");
        BigDecimal eurTotal = eurTotal();
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        Set<String> totalsSeen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);

        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> watcher = threads.submit(() -> {
                while (running.get()) {
                    totalsSeen.add(eurTotal().toPlainString());
                }
            });
            List<Future<?>> tellers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                tellers.add(threads.submit(() -> {
                    var random = new Random(seed);
                    for (int i = 0; i < MOVES_PER_THREAD; i++) {
                        String amount = random.nextInt(6000) / 100 + "." + String.format("%02d", random.nextInt(100));
                        int kind = random.nextInt(4);
                        // EUR only ever moves between accounts; USD also comes and goes.
                        List<Long> accounts = kind == 0 ? eur : usd;
                        long from = accounts.get(random.nextInt(accounts.size()));
                        long to = accounts.get(random.nextInt(accounts.size()));
                        Response response = switch (kind) {
                            case 0, 1 -> from == to ? null : api.transfer(from, to, amount);
                            case 2 -> api.deposit(to, amount);
                            default -> api.withdraw(from, amount);
                        };
                        record(response, acknowledged);
                    }
                }));
            }
            for (Future<?> teller : tellers) {
                teller.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            watcher.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdownNow();
        }

        assertThat(acknowledged).hasSizeGreaterThan(THREADS * MOVES_PER_THREAD / 2);
        assertThat(totalsSeen).containsOnly(eurTotal.toPlainString());
        assertThat(eurTotal()).isEqualByComparingTo(eurTotal);
        BigDecimal usdExpected = new BigDecimal("3000.00");
        for (Acknowledged movement : acknowledged) {
            if (movement.from() == null) {
                usdExpected = usdExpected.add(movement.amount());
            } else if (movement.to() == null) {
                usdExpected = usdExpected.subtract(movement.amount());
            }
        }
        assertThat(sumOfBalances(usd)).isEqualByComparingTo(usdExpected);
        assertThat(sumOfBalances(eur)).isEqualByComparingTo("1800.00");
        everyAcknowledgedMovementIsOnceInEachStatement(acknowledged, usd, eur);
        theReconciliationIsClean();
    }

    @Test
    void everyThreadDrainingOneHotAccountNeverTakesItBelowZero() throws Exception {
        long hot = open("USD", 1, "100.00").get(0);
        long sink = open("USD", 1, "0").get(0);
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> drains = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean transfers = t % 2 == 0;
                drains.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        record(transfers ? api.transfer(hot, sink, "1.50") : api.withdraw(hot, "1.50"), acknowledged);
                    }
                }));
            }
            for (Future<?> drain : drains) {
                drain.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        // 66 moves of 1.50 fit in 100.00; the 67th would overdraw it.
        assertThat(acknowledged).hasSize(66);
        assertThat(api.get("/accounts/" + hot).decimal("$.balance")).isEqualByComparingTo("1.00");
        assertThat(api.get("/accounts/" + hot).etag()).isEqualTo("\"66\"");
        everyAcknowledgedMovementIsOnceInEachStatement(acknowledged, List.of(hot), List.of(sink));
        theReconciliationIsClean();
    }

    /** Keeps a 201; anything else must be the one refusal a race for money may meet. */
    private static void record(Response response, List<Acknowledged> acknowledged) {
        if (response == null) {
            return;
        }
        if (response.status() == 201) {
            acknowledged.add(new Acknowledged(
                    response.id(),
                    response.<Number>json("$.from") == null
                            ? null
                            : response.<Number>json("$.from").longValue(),
                    response.<Number>json("$.to") == null
                            ? null
                            : response.<Number>json("$.to").longValue(),
                    response.decimal("$.amount")));
            return;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        json(response).extractingPath("$.type").isEqualTo("https://bms.example/problems/insufficient-funds");
    }

    private void everyAcknowledgedMovementIsOnceInEachStatement(
            List<Acknowledged> acknowledged, List<Long> some, List<Long> others) {
        Map<Long, List<Long>> statements = new HashMap<>();
        for (List<Long> accounts : List.of(some, others)) {
            for (long account : accounts) {
                statements.put(account, statementOf(account));
            }
        }
        for (Acknowledged movement : acknowledged) {
            for (Long account : new Long[] {movement.from(), movement.to()}) {
                if (account != null) {
                    assertThat(statements.get(account))
                            .as("statement of %d", account)
                            .containsOnlyOnce(movement.id());
                }
            }
        }
    }

    /** The movement ids of a whole statement; checks on the way that each line follows from the one before. */
    private List<Long> statementOf(long account) {
        List<Long> movements = new ArrayList<>();
        BigDecimal newerBalanceAfter = null;
        BigDecimal newerAmount = null;
        for (int page = 0; ; page++) {
            Response statement = api.get("/accounts/" + account + "/movements?size=100&page=" + page);
            List<Map<String, Object>> lines = statement.json("$.content");
            if (lines.isEmpty()) {
                break;
            }
            for (int i = 0; i < lines.size(); i++) {
                BigDecimal balanceAfter = statement.decimal("$.content[" + i + "].balanceAfter");
                BigDecimal amount = statement.decimal("$.content[" + i + "].amount");
                assertThat(balanceAfter.signum()).isNotNegative();
                if (newerBalanceAfter == null) {
                    assertThat(balanceAfter)
                            .isEqualByComparingTo(
                                    api.get("/accounts/" + account).decimal("$.balance"));
                } else {
                    assertThat(newerBalanceAfter).isEqualByComparingTo(balanceAfter.add(newerAmount));
                }
                newerBalanceAfter = balanceAfter;
                newerAmount = amount;
                movements.add(((Number) lines.get(i).get("movement")).longValue());
            }
        }
        return movements;
    }

    private void theReconciliationIsClean() {
        Response reconciliation = api.get("/batch/reconciliation");
        assertThat(reconciliation.status()).isEqualTo(200);
        json(reconciliation).extractingPath("$.mismatches").asArray().isEmpty();
        List<Map<String, Object>> currencies = reconciliation.json("$.currencies");
        for (Map<String, Object> currency : currencies) {
            assertThat(new BigDecimal(currency.get("balances").toString())
                            .add(new BigDecimal(currency.get("outside").toString())))
                    .as(currency.toString())
                    .isZero();
        }
    }

    private BigDecimal eurTotal() {
        Response total = api.get("/batch/total", "Cache-Control", "no-cache");
        BigDecimal eur = total.decimal("$.totals[?(@.currency == 'EUR')].total");
        return eur == null ? BigDecimal.ZERO : eur;
    }

    private BigDecimal sumOfBalances(List<Long> accounts) {
        return accounts.stream()
                .map(account -> api.get("/accounts/" + account).decimal("$.balance"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<Long> open(String currency, int count, String balance) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response opened = api.post("/accounts", Json.account("Teller " + i, uniqueNumber(), balance, currency));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            ids.add(opened.id());
        }
        return ids;
    }
}
