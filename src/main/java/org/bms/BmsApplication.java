package org.bms;

import java.time.Clock;
import java.util.Arrays;
import org.bms.cli.BmsCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the Banking Management Service; {@code client} as the first argument runs the CLI instead.
 *
 * <p>The switches that change how every feature's beans behave live here, not in a feature: asynchronous methods
 * (creation e-mails), scheduled work (mail sweeps) and caching (batch totals).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@EnableCaching
public class BmsApplication {

    public static void main(String[] args) {
        if (BmsCli.isInvoked(args)) {
            System.exit(BmsCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(BmsApplication.class, args);
    }

    /** The one source of "now", so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
