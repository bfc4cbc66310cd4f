package org.bms.rates;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where interest rates are read from.
 *
 * @param defaultSource the source used when a request names none
 * @param userAgent how the scraper introduces itself to the sites it reads
 * @param cacheTtl how long a good result is served before the page is read again
 * @param sources each source by name: the page, and the limits for reading it
 */
@Validated
@ConfigurationProperties("bms.scraper")
public record RatesProperties(
        @DefaultValue("ecb") @NotBlank String defaultSource,

        @DefaultValue("BMS-RateScraper/0.1 (Banking Management Service)") @NotBlank
        String userAgent,

        @DefaultValue("1h") Duration cacheTtl,
        @NotEmpty Map<String, @Valid Source> sources) {

    public RatesProperties {
        if (sources != null && !sources.containsKey(defaultSource)) {
            throw new IllegalArgumentException("bms.scraper.default-source '" + defaultSource
                    + "' is not one of bms.scraper.sources " + sources.keySet());
        }
    }

    /**
     * One page to read.
     *
     * @param url the page; only this host is followed on redirects
     * @param timeout how long connecting and reading the whole page may take together
     * @param maxBody the largest page accepted
     */
    public record Source(
            @NotNull URI url,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("2MB") DataSize maxBody) {}
}
