package org.bms.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bms.BmsApplication;

/**
 * The service in a JVM of its own, started from the test class path, so that a test can kill it outright
 * ({@code kill -9}) and see what a crash leaves behind. Settings are given as {@code name=value}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service and waits until it answers its health check. */
    public static ServiceProcess start(String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                BmsApplication.class.getName(),
                "--server.port=" + port,
                "--LOG_PATH=target/test-logs",
                "--bms.scraper.sources.ecb.url=http://127.0.0.1:9/ecb",
                "--bms.scraper.sources.fed.url=http://127.0.0.1:9/fed"));
        for (String setting : settings) {
            command.add("--" + setting);
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("target/test-logs/process-" + port + ".log").toFile())
                    .start();
            var service = new ServiceProcess(process, port);
            ApiClient anonymous = service.api().anonymous();
            await().atMost(Duration.ofSeconds(90))
                    .ignoreExceptions()
                    .until(() -> !process.isAlive()
                            || anonymous.get("/actuator/health").status() == 200);
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The service did not start; see target/test-logs/process-" + port + ".log");
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of this process, as an admin. */
    public ApiClient api() {
        return new ApiClient(port);
    }

    /** Stops the process as an orchestrator does, with {@code SIGTERM}; returns how long it took to exit. */
    public Duration stop() {
        long start = System.nanoTime();
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hook, no graceful stop. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
