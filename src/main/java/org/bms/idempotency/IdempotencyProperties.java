package org.bms.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long answers to requests with an {@code Idempotency-Key} are kept.
 *
 * @param retention how long a key is answered from what it got the first time; at least a day, as the contract
 *     promises clients ({@code bms.idempotency.retention})
 * @param expiryInterval how often keys past their retention are deleted ({@code bms.idempotency.expiry-interval})
 */
@Validated
@ConfigurationProperties("bms.idempotency")
public record IdempotencyProperties(
        @NotNull @DefaultValue("24h") @DurationMin(hours = 24)
        Duration retention,

        @NotNull @DefaultValue("1h") @DurationMin(seconds = 1)
        Duration expiryInterval) {}
