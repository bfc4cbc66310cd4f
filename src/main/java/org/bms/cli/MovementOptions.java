package org.bms.cli;

import java.util.UUID;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of every command that moves money: a reference, and the Idempotency-Key that makes a retry safe. */
final class MovementOptions {

    private static final int MAX_KEY_LENGTH = 255;

    @Option(
            names = "--reference",
            paramLabel = "TEXT",
            description = "What it is for, kept verbatim with the movement: up to 140 characters.")
    String reference;

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            converter = Key.class,
            description = {
                "Sent as Idempotency-Key (default: a new random UUID); 1-255 visible ASCII characters.",
                "Give the key printed for a movement whose outcome is unknown to learn it: it happens once at most."
            })
    String idempotencyKey;

    /** The key given, or a fresh random one: call it once per command, and send it with every attempt. */
    String key() {
        return idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
    }

    /** Reads {@code --idempotency-key}: a key the service would refuse is a usage error, before anything is sent. */
    static final class Key implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            boolean wellFormed = !value.isEmpty()
                    && value.length() <= MAX_KEY_LENGTH
                    && value.chars().allMatch(c -> c > 0x20 && c < 0x7F);
            if (!wellFormed) {
                throw new TypeConversionException(
                        "'" + value + "' is not an idempotency key: 1 to 255 visible ASCII characters");
            }
            return value;
        }
    }
}
