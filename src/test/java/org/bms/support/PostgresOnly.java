package org.bms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A test of what takes a database server (several instances on one database), run when the suite runs on
 * PostgreSQL ({@link TestDatabase}): {@code .ci/run} runs it so, and {@code BMS_TEST_DATABASE=postgresql ./mvnw
 * verify} does locally.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(
        named = TestDatabase.SWITCH,
        matches = "(?i)" + TestDatabase.POSTGRESQL,
        disabledReason = "needs PostgreSQL: BMS_TEST_DATABASE=postgresql")
public @interface PostgresOnly {}
