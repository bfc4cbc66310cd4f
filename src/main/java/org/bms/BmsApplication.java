package org.bms;

import java.time.Clock;
import java.util.Arrays;
import org.bms.cli.BmsCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Entry point of the Banking Management Service; {@code client} as the first argument runs the CLI instead. */
@SpringBootApplication
@ConfigurationPropertiesScan
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
