package org.bms.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With an SMTP user the password never goes out in clear: STARTTLS is required unless {@code SMTP_STARTTLS=false}
 * says otherwise. "Unset" is how application.yml passes an absent {@code SMTP_STARTTLS}: an empty value.
 */
class MailStartTlsTest {

    @Test
    void aUserWithoutAStartTlsSettingRequiresStartTls() {
        Properties smtp = javaMail("bms.mail.username", "user", "bms.mail.starttls", "");

        assertThat(smtp)
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void aUserWithStartTlsAbsentAltogetherRequiresStartTls() {
        assertThat(javaMail("bms.mail.username", "user")).containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void aUserWithStartTlsExplicitlyOffSendsWithoutTls() {
        Properties smtp = javaMail("bms.mail.username", "user", "bms.mail.starttls", "false");

        assertThat(smtp)
                .containsEntry("mail.smtp.starttls.enable", "false")
                .containsEntry("mail.smtp.starttls.required", "false");
    }

    @Test
    void aUserWithStartTlsExplicitlyOnRequiresStartTls() {
        assertThat(javaMail("bms.mail.username", "user", "bms.mail.starttls", "true"))
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void withoutAUserStartTlsIsUsedWhenOfferedButNotRequired() {
        Properties smtp = javaMail("bms.mail.username", "", "bms.mail.starttls", "");

        assertThat(smtp)
                .containsEntry("mail.smtp.auth", "false")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "false");
    }

    @Test
    void starttlsRequiredStillRequiresItWithoutAUser() {
        assertThat(javaMail("bms.mail.starttls-required", "true"))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
    }

    @Test
    void startTlsOffButRequiredStillStartsAndRequiresIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(MailSettings.class, MailConfiguration.class)
                .withPropertyValues(
                        "bms.mail.username=user", "bms.mail.starttls=false", "bms.mail.starttls-required=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(JavaMailSenderImpl.class).getJavaMailProperties())
                            .containsEntry("mail.smtp.starttls.enable", "true")
                            .containsEntry("mail.smtp.starttls.required", "true");
                });
    }

    private static Properties javaMail(String... settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        MailProperties properties =
                new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("bms.mail", MailProperties.class);
        return new MailConfiguration().mailSender(properties).getJavaMailProperties();
    }

    /** Binds the package's settings as the application's {@code @ConfigurationPropertiesScan} does. */
    @ConfigurationPropertiesScan
    static class MailSettings {}
}
