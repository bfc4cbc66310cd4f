package org.bms.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * A POST that moves money: a deposit, withdrawal, transfer or reversal. It carries an {@code Idempotency-Key}, and
 * when no answer comes back (the connection broke, the read timed out) the same request goes again with the same
 * key, a few times after a growing pause. The service carries out one movement per key and answers a repeat with
 * the first answer ({@code Idempotent-Replayed: true}), so the money moves once whichever attempt got through.
 * When no attempt is answered, the outcome is unknown, and the key is printed for the user to ask again with.
 */
final class MovementPost {

    /** The header the service reads. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The header that marks an answer kept from an earlier request with the same key. */
    static final String REPLAYED = "Idempotent-Replayed";

    /** Attempts after the first whose answer was lost. */
    static final int RETRIES = 3;

    /** The pause before the first retry; it doubles before each next one. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    /** How the client waits: the thread sleeps. */
    static final Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    /** How the client waits before a retry; replaceable in tests, which do not sleep. */
    static Pause pause = SLEEP;

    private MovementPost() {}

    /** Waits for a while before the next attempt. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Sends the movement and prints the service's answer, the movement; returns the exit code, 0. */
    static int run(BmsCli cli, MovementOptions options, String path, Map<String, Object> body) {
        String key = options.key();
        ServiceClient.Reply reply = send(cli.service(), path, body, key, cli.err());
        Output output = cli.output();
        output.print(reply, output::movement);
        if (!output.json()
                && reply.header(REPLAYED).filter("true"::equalsIgnoreCase).isPresent()) {
            output.line("Carried out once, by an earlier request with Idempotency-Key " + key
                    + "; this is its answer again.");
        }
        return 0;
    }

    /**
     * The answer to a POST of {@code body} to {@code path} with Idempotency-Key {@code key}, retried while its
     * outcome is unknown, each retry announced on {@code err}. A refusal (4xx) or failure (5xx) of the first attempt
     * is thrown as it came: nothing moved.
     */
    static ServiceClient.Reply send(
            ServiceClient service, String path, Map<String, Object> body, String key, PrintWriter err) {
        OutcomeUnknownException first;
        try {
            return service.post(path, body, IDEMPOTENCY_KEY, key);
        } catch (OutcomeUnknownException e) {
            first = e;
        }
        ServiceException last = first;
        Duration wait = FIRST_PAUSE;
        int attempts = 1;
        while (attempts <= RETRIES) {
            err.println("Outcome unknown (" + OutcomeUnknownException.reason(last) + "); sending it again with the"
                    + " same Idempotency-Key in " + wait.toMillis() + " ms (retry " + attempts + " of "
                    + RETRIES + ").");
            try {
                pause.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            attempts++;
            try {
                return service.post(path, body, IDEMPOTENCY_KEY, key);
            } catch (OutcomeUnknownException | ServiceUnreachableException e) {
                last = e;
            } catch (ServiceProblemException e) {
                if (e.settlesRetry()) {
                    throw e;
                }
                last = e;
            }
            wait = wait.multipliedBy(2);
        }
        throw first.retried(key, attempts, last);
    }
}
