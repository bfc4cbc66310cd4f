package org.bms.web;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much a client may send, and how slowly, so that no client can hold the service's threads for long.
 *
 * @param maxBodySize a larger request body is refused with 413
 * @param bodyTimeout a body not complete this long after its request arrived is refused with 408; also how long
 *     one read of it may wait for the next byte
 * @param concurrentBodies how many requests may be receiving their bodies at once; more are refused with 503, so
 *     the rest of {@code server.tomcat.threads.max} always serves requests without one (reads, health)
 */
@Validated
@ConfigurationProperties("bms.requests")
public record RequestProperties(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("300") @Min(1) int concurrentBodies) {}
