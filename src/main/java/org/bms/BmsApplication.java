package org.bms;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Entry point of the Banking Management Service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(BmsApplication.class, args);
    }

    /** The one source of "now", so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
