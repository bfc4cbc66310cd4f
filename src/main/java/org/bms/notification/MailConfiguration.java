package org.bms.notification;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The SMTP client, the retry policy and the bounded executor that creation e-mails are sent on. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    static final String EXECUTOR = "mailExecutor";

    @Bean
    JavaMailSenderImpl mailSender(MailProperties properties) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setUsername(properties.username());
        sender.setPassword(properties.password());
        sender.setDefaultEncoding("UTF-8");
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.auth", String.valueOf(properties.authenticates()));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.usesStartTls()));
        smtp.put("mail.smtp.starttls.required", String.valueOf(properties.requiresStartTls()));
        warnAboutTls(properties);
        smtp.put(
                "mail.smtp.connectiontimeout",
                String.valueOf(properties.connectTimeout().toMillis()));
        smtp.put("mail.smtp.timeout", String.valueOf(properties.timeout().toMillis()));
        smtp.put("mail.smtp.writetimeout", String.valueOf(properties.timeout().toMillis()));
        return sender;
    }

    /** A contradiction is resolved towards TLS rather than stopping start-up; a password in clear is said out loud. */
    private static void warnAboutTls(MailProperties properties) {
        if (Boolean.FALSE.equals(properties.starttls()) && properties.starttlsRequired()) {
            log.warn("bms.mail.starttls is false but bms.mail.starttls-required is true; STARTTLS is required");
        } else if (properties.authenticates() && !properties.usesStartTls()) {
            log.warn("SMTP_STARTTLS is false: the SMTP password is sent without TLS");
        }
    }

    /** Retries sends that failed on the way; a message that cannot even be built is not retried. */
    @Bean
    RetryTemplate mailRetry(MailProperties properties) {
        MailProperties.Retry retry = properties.retry();
        var template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(retry.maxRetries())
                .delay(retry.delay())
                .multiplier(retry.multiplier())
                .maxDelay(retry.maxDelay())
                .excludes(MailParseException.class, MailPreparationException.class)
                .build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable failure) {
                log.warn("Sending a creation e-mail failed; retrying: {}", v("reason", failure.getMessage()));
            }
        });
        return template;
    }

    /**
     * Two named threads and a bounded queue. A stop does not wait for the queue, nor long for a send: what was not
     * sent is still in the outbox, and goes out after the next start or from another instance (a send cut off
     * mid-way once its lease runs out, under the same Message-ID). The threads are daemons, so an SMTP server that
     * never answers cannot keep the process from exiting.
     */
    @Bean(name = EXECUTOR)
    ThreadPoolTaskExecutor mailExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("mail-");
        executor.setDaemon(true);
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(2);
        return executor;
    }
}
