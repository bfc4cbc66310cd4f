package org.bms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * A test of what only SQLite has (its file, its single writer, its connections), skipped when the suite runs on
 * PostgreSQL ({@link TestDatabase}); PostgreSQL's own faults have tests of their own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(
        named = TestDatabase.SWITCH,
        matches = "(?i)" + TestDatabase.POSTGRESQL,
        disabledReason = "about SQLite alone")
public @interface SqliteOnly {}
