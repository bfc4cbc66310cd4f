package org.bms.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Configuration that applies to one kind of database only, as {@code bms.database.url} names it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Conditional(ConditionalOnDatabase.OnDatabase.class)
@interface ConditionalOnDatabase {

    Class<? extends DatabaseLocation> value();

    final class OnDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var wanted = (Class<?>) metadata.getAnnotationAttributes(ConditionalOnDatabase.class.getName())
                    .get("value");
            String url = context.getEnvironment().getProperty("bms.database.url", "db.sqlite");
            try {
                return wanted.isInstance(DatabaseLocation.parse(url, null, null));
            } catch (IllegalArgumentException e) {
                // Binding DatabaseProperties reports it, naming the setting; SQLite's beans are the ones that bind.
                return wanted == SqliteFile.class;
            }
        }
    }
}
