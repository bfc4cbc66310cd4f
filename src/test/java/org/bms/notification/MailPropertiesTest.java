package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** The retry window's settings: their defaults, and a value that cannot work stops start-up naming it. */
class MailPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(MailSettings.class, MailConfiguration.class);

    @Test
    void failedMailsAreTriedAgainEveryFiveMinutesForADay() {
        context.run(started -> {
            MailProperties properties = started.getBean(MailProperties.class);
            assertThat(properties.failedRetryInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.giveUpAfter()).isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void aFailedRetryIntervalOfZeroStopsStartUpNamingTheSetting() {
        context.withPropertyValues("bms.mail.failed-retry-interval=0s")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("bms.mail")
                        .hasStackTraceContaining("failedRetryInterval"));
    }

    @Test
    void anEmptyFailedRetryIntervalIsTheDefault() {
        context.withPropertyValues("bms.mail.failed-retry-interval=")
                .run(started -> assertThat(started.getBean(MailProperties.class).failedRetryInterval())
                        .isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void aNegativeGiveUpAfterStopsStartUpNamingTheSetting() {
        context.withPropertyValues("bms.mail.give-up-after=-1h")
                .run(started -> assertThat(started).hasFailed().getFailure().hasStackTraceContaining("giveUpAfter"));
    }

    /** Binds the package's settings as the application's {@code @ConfigurationPropertiesScan} does. */
    @ConfigurationPropertiesScan
    static class MailSettings {}
}
