package org.bms.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.encoder.EchoEncoder;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileAppenderTest {

    @TempDir
    Path temp;

    @Test
    void theLogFileAndTheDirectoryItMakesAreOwnerOnly() throws Exception {
        Path logs = temp.resolve("logs");
        OwnerOnlyFileAppender<String> appender = appender(logs);

        appender.doAppend("Opened account 42 for Jane Doe");
        appender.stop();

        Path file = logs.resolve("bms.log");
        assertThat(Files.readString(file)).contains("Opened account 42");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)))
                .isEqualTo("rwx------");
    }

    private static OwnerOnlyFileAppender<String> appender(Path logs) {
        var context = new ContextBase();
        var appender = new OwnerOnlyFileAppender<String>();
        appender.setContext(context);
        appender.setFile(logs.resolve("bms.log").toString());
        var policy = new SizeAndTimeBasedRollingPolicy<String>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logs.resolve("bms.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        var encoder = new EchoEncoder<String>();
        encoder.setContext(context);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
