package org.bms.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bms.support.JsonAssertions.json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bms.BmsApplication;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;
import org.bms.support.PostgresOnly;
import org.bms.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With REDIS_URL, two instances on one database share computed totals through Redis (a Redis server of the test's
 * own, so that it can be stopped); once Redis is gone, each computes its own, with no 5xx and no stale total, and
 * health stays UP with the redis component UNKNOWN.
 */
@PostgresOnly
class SharedTotalsTest {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private Process redis;
    private int redisPort;
    private String database;

    @BeforeEach
    void startRedis() throws Exception {
        redisPort = freePort();
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target/test-logs/redis-" + redisPort + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket("127.0.0.1", redisPort)) {
                return true;
            }
        });
        database = "postgresql://postgres@127.0.0.1:5432/"
                + TestDatabase.databaseFor("target/test-db/shared-totals-" + UUID.randomUUID() + ".sqlite");
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        redis.destroyForcibly();
    }

    @Test
    void aTotalComputedByOneInstanceIsServedByTheOtherAndRedisGoingAwayCostsNothingButTime() throws Exception {
        ApiClient a = start();
        ApiClient b = start();
        assertThat(a.create("Shared Sam", "4100000001", "12.34").status()).isEqualTo(201);

        Response computedOnA = a.get("/batch/total");
        Response servedByB = b.get("/batch/total");
        assertThat(computedOnA.status()).isEqualTo(200);
        // The same computation, to the millisecond it took: B did not compute its own.
        assertThat(servedByB.body()).isEqualTo(computedOnA.body());
        json(a.get("/actuator/health"))
                .extractingPath("$.components.redis.status")
                .isEqualTo("UP");

        redis.destroyForcibly().waitFor();
        assertThat(a.create("After Redis", "4100000002", "1.00").status()).isEqualTo(201);

        for (ApiClient instance : List.of(a, b, a, b)) {
            Response total = instance.get("/batch/total");
            assertThat(total.status()).as(total.toString()).isEqualTo(200);
            assertThat(total.decimal("$.totals[0].total")).isEqualByComparingTo("13.34");
        }
        Response health = b.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        json(health).extractingPath("$.status").isEqualTo("UP");
        json(health).extractingPath("$.components.redis.status").isEqualTo("UNKNOWN");
    }

    private ApiClient start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BmsApplication.class)
                .run(
                        "--server.port=0",
                        "--bms.database.url=" + database,
                        "--bms.cache.redis-url=redis://127.0.0.1:" + redisPort,
                        "--LOG_PATH=target/test-logs",
                        "--bms.scraper.sources.ecb.url=http://127.0.0.1:9/ecb",
                        "--bms.scraper.sources.fed.url=http://127.0.0.1:9/fed");
        instances.add(context);
        return new ApiClient(context.getEnvironment().getProperty("local.server.port", Integer.class));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
