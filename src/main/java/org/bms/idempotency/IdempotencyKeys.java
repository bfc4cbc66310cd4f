package org.bms.idempotency;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.bms.database.Transactions;
import org.bms.system.ScheduledWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request with an {@code Idempotency-Key} once: the first time by doing the work, every later time
 * with the same answer ({@code Idempotent-Replayed: true}) and without doing anything. The work, and the answer
 * kept for it, commit in one transaction, so after a crash there are both or neither.
 *
 * <p>Two requests with one key at once: on SQLite the single writer runs them one after the other, and the second
 * finds the first's answer. On PostgreSQL the second one's insert of the key waits for the first transaction and
 * fails once it commits; its own work is rolled back with it and it answers with the first's answer. Either way
 * there is one movement.
 */
@Service
public class IdempotencyKeys implements SchedulingConfigurer {

    /** Marks an answer that was kept from an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final KeptResponseRepository responses;
    private final Transactions transactions;
    private final JsonMapper json;
    private final IdempotencyProperties properties;
    private final ScheduledWork scheduled;
    private final Clock clock;

    IdempotencyKeys(
            KeptResponseRepository responses,
            Transactions transactions,
            JsonMapper json,
            IdempotencyProperties properties,
            ScheduledWork scheduled,
            Clock clock) {
        this.responses = responses;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.scheduled = scheduled;
        this.clock = clock;
    }

    /**
     * The answer to {@code request}: kept from before, or {@code work}'s, kept in the same transaction when it is a
     * success. Without a key ({@code null}) the work just runs, in a transaction of its own.
     */
    public ResponseEntity<?> respond(IdempotentRequest request, Supplier<ResponseEntity<?>> work) {
        if (request == null) {
            return transactions.execute(work);
        }
        try {
            return transactions.execute(() -> kept(request).orElseGet(() -> keep(request, work.get())));
        } catch (KeyTakenMeanwhile raced) {
            return transactions.execute(() -> kept(request)
                    .orElseThrow(() -> new IllegalStateException("A key taken meanwhile is not there", raced)));
        }
    }

    /** The kept answer to the request's key; one kept before the retention began is deleted, as if gone already. */
    private Optional<ResponseEntity<?>> kept(IdempotentRequest request) {
        Optional<KeptResponse> kept = responses.findById(KeptResponse.scopeOf(request));
        if (kept.isPresent() && kept.get().keptBefore(retentionStart())) {
            responses.delete(kept.get());
            responses.flush();
            return Optional.empty();
        }
        return kept.map(answer -> replay(request, answer));
    }

    private ResponseEntity<?> replay(IdempotentRequest request, KeptResponse kept) {
        if (!kept.answers(request)) {
            throw new IdempotencyKeyReusedException();
        }
        log.info("Answered a retry with the kept response for {}", v("idempotencyKey", request.key()));
        ResponseEntity.BodyBuilder answer =
                ResponseEntity.status(kept.status()).header(REPLAYED, "true").contentType(MediaType.APPLICATION_JSON);
        if (kept.location() != null) {
            answer.location(URI.create(kept.location()));
        }
        if (kept.etag() != null) {
            answer.header(HttpHeaders.ETAG, kept.etag());
        }
        return answer.body(kept.body());
    }

    private ResponseEntity<?> keep(IdempotentRequest request, ResponseEntity<?> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            return response;
        }
        URI location = response.getHeaders().getLocation();
        try {
            responses.saveAndFlush(new KeptResponse(
                    request,
                    response.getStatusCode().value(),
                    location == null ? null : location.toString(),
                    response.getHeaders().getETag(),
                    json.writeValueAsString(response.getBody()),
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // On PostgreSQL: committed by a request with this key while this one did its work.
            throw new KeyTakenMeanwhile(e);
        }
        return response;
    }

    /** Deletes the answers kept past their retention; returns how many. */
    public int expire() {
        int deleted = transactions.execute(() -> responses.deleteKeptBefore(retentionStart()));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys past their retention", v("keys", deleted));
        }
        return deleted;
    }

    private Instant retentionStart() {
        return clock.instant().minus(properties.retention());
    }

    /** Scheduled here rather than with {@code @Scheduled}, so the interval lives in IdempotencyProperties. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration interval = properties.expiryInterval();
        tasks.addFixedDelayTask(new FixedDelayTask(
                () -> scheduled.once("idempotency-key-expiry", interval, this::expire), interval, interval));
    }

    /** Another request with the same key committed while this one worked; this one's work was rolled back. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile(Throwable cause) {
            super(cause);
        }
    }
}
