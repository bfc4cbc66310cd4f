package org.bms.system;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check, for container runtimes that run a command (Docker's {@code HEALTHCHECK}, compose's
 * {@code healthcheck}); the image has no curl. {@code java -cp @/app/jib-classpath-file org.bms.system.HealthProbe}
 * asks this instance's {@code /actuator/health/readiness} (on {@code $PORT}, else 8080), or the URL given, and exits
 * 0 when it answers 200, 1 otherwise. It loads nothing but the JDK, so it answers in a fraction of a second.
 */
public final class HealthProbe {

    private static final int TIMEOUT_MILLIS = 2_000;

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness";
        System.exit(healthy(URI.create(url)) ? 0 : 1);
    }

    /** Whether {@code uri} answers 200 within two seconds to connect and two to answer. */
    static boolean healthy(URI uri) {
        try {
            var connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        }
    }
}
