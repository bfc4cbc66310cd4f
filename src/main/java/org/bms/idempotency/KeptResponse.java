package org.bms.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.bms.database.InstantConverter;
import org.springframework.data.domain.Persistable;

/**
 * The answer a request with an {@code Idempotency-Key} got, kept so that a retry is answered the same way instead
 * of being run again. Only successful answers are kept; they are written in the transaction of the work itself,
 * so a key is kept exactly when its work was committed.
 */
@Entity
@Table(name = "idempotency_key")
class KeptResponse implements Persistable<KeptResponse.Scope> {

    /** A key belongs to the caller who sent it. */
    @Embeddable
    record Scope(String subject, @Column(name = "key") String key) implements Serializable {}

    @EmbeddedId
    private Scope scope;

    private String fingerprint;

    private int status;

    private String location;

    private String etag;

    private String body;

    @Convert(converter = InstantConverter.class)
    private Instant createdAt;

    @Transient
    private boolean isNew;

    protected KeptResponse() {}

    KeptResponse(IdempotentRequest request, int status, String location, String etag, String body, Instant now) {
        this.scope = scopeOf(request);
        this.fingerprint = request.fingerprint();
        this.status = status;
        this.location = location;
        this.etag = etag;
        this.body = body;
        this.createdAt = now;
        this.isNew = true;
    }

    static Scope scopeOf(IdempotentRequest request) {
        return new Scope(request.subject(), request.key());
    }

    boolean answers(IdempotentRequest request) {
        return fingerprint.equals(request.fingerprint());
    }

    boolean keptBefore(Instant instant) {
        return createdAt.isBefore(instant);
    }

    int status() {
        return status;
    }

    String location() {
        return location;
    }

    String etag() {
        return etag;
    }

    String body() {
        return body;
    }

    @Override
    public Scope getId() {
        return scope;
    }

    /** Always inserted, never merged: a key another request took meanwhile is a unique violation, not an update. */
    @Override
    public boolean isNew() {
        return isNew;
    }
}
