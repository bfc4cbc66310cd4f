package org.bms.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bms.support.Smtp;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The shared quick SMTP settings of {@link Smtp}, with the ones a test needs changed. */
final class MailTestSettings {

    private MailTestSettings() {}

    /** Registers {@code smtp}'s settings, each {@code overrides} entry ({@code name=value}) replacing or adding one. */
    static void register(DynamicPropertyRegistry registry, Smtp smtp, String... overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String property : smtp.properties()) {
            put(settings, property);
        }
        for (String property : overrides) {
            put(settings, property);
        }
        settings.forEach((name, value) -> registry.add(name, () -> value));
    }

    private static void put(Map<String, String> settings, String property) {
        String[] pair = property.split("=", 2);
        settings.put(pair[0], pair[1]);
    }
}
