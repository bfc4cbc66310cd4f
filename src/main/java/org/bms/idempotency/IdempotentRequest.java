package org.bms.idempotency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bms.security.Caller;

/**
 * A request as its {@code Idempotency-Key} sees it: who sent it, the key, and a fingerprint of what it asked for
 * (method, path and the body's values, numbers by value, so {@code 10}, {@code 10.00} and {@code "10.00"} are the
 * same request).
 *
 * @param subject the caller's token subject: keys of different callers never meet
 * @param key the header's value, 1 to 255 visible ASCII characters
 * @param fingerprint SHA-256 of the request's method, path and values
 */
public record IdempotentRequest(String subject, String key, String fingerprint) {

    /** The header a client sends. */
    public static final String HEADER = "Idempotency-Key";

    static final int MAX_KEY_LENGTH = 255;

    /**
     * A request that must carry a key (a money move); a missing or malformed one is a 400.
     *
     * @param values the body's values in a fixed order, {@code null} for an absent one
     */
    public static IdempotentRequest required(String key, String method, String path, Object... values) {
        if (!isWellFormed(key)) {
            throw new IdempotencyKeyRequiredException(key == null);
        }
        return new IdempotentRequest(Caller.current().subject(), key, fingerprint(method, path, values));
    }

    /** A request the key is honoured on when sent: {@code null} without one, else as {@link #required}. */
    public static IdempotentRequest optional(String key, String method, String path, Object... values) {
        return key == null ? null : required(key, method, path, values);
    }

    private static boolean isWellFormed(String key) {
        return key != null
                && !key.isEmpty()
                && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static String fingerprint(String method, String path, Object... values) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, method);
        append(canonical, path);
        for (Object value : values) {
            append(
                    canonical,
                    value instanceof BigDecimal number
                            ? number.stripTrailingZeros().toPlainString()
                            : value);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so no two lists of values run together into the same text; null differs from "null". */
    private static void append(StringBuilder canonical, Object value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            String text = value.toString();
            canonical.append(text.length()).append(':').append(text).append(';');
        }
    }
}
