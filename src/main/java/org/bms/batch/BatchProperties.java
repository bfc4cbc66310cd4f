package org.bms.batch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the batch total is computed.
 *
 * @param size accounts per chunk: a chunk is this many consecutive account ids ({@code BATCH_SIZE})
 * @param parallelism threads summing chunks at once; unset means one per available processor
 */
@Validated
@ConfigurationProperties("bms.batch")
public record BatchProperties(
        @DefaultValue("1000") @Min(1) @Max(10_000_000) int size,
        @Min(1) @Max(64) Integer parallelism) {

    int effectiveParallelism() {
        return parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism;
    }
}
