package org.bms.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The service's log lines as the console shows them. A thread of the logging's own writes them, a little after they
 * were logged, so a test first waits for the line it knows comes last; every line logged before it is there by then.
 */
public final class LogLines {

    private LogLines() {}

    /** Waits until one line holds every one of {@code parts}; returns all the output so far. */
    public static String awaitLine(CapturedOutput output, String... parts) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> output.getOut()
                        .lines()
                        .anyMatch(line -> Arrays.stream(parts).allMatch(line::contains)));
        return output.getOut();
    }
}
