package org.bms.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.bms.validation.InvalidValueException;

/**
 * A bank account number as the bank stores it: spaces removed, upper case, 6 to 34 letters or digits,
 * and a valid ISO 13616 check when it has the shape of an IBAN.
 *
 * <p>{@link #toString()} is masked so that a number that ends up in a log line does not leak.
 */
public record AccountNumber(String value) {

    private static final Pattern RAW = Pattern.compile("[A-Za-z0-9]{6,34}");
    private static final Pattern IBAN_PREFIX = Pattern.compile("^[A-Z]{2}[0-9]{2}");

    public AccountNumber {
        if (value == null || !RAW.matcher(value).matches() || !value.equals(value.toUpperCase(Locale.ROOT))) {
            throw new InvalidValueException("must be 6 to 34 upper-case letters or digits");
        }
    }

    /** Normalises what a client typed ({@code "de89 3704 ..."}) and checks it. */
    public static AccountNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        String compact = raw.replace(" ", "");
        if (!RAW.matcher(compact).matches()) {
            throw new InvalidValueException("must be 6 to 34 letters or digits (spaces are ignored)");
        }
        String normalized = compact.toUpperCase(Locale.ROOT);
        if (IBAN_PREFIX.matcher(normalized).find() && !hasValidIbanCheckDigits(normalized)) {
            throw new InvalidValueException("is not a valid IBAN: the check digits do not match");
        }
        return new AccountNumber(normalized);
    }

    /** The number as people may see it in logs and mails: {@code *****6789}. */
    public String masked() {
        return mask(value);
    }

    private static String mask(String number) {
        return "*****" + number.substring(Math.max(0, number.length() - 4));
    }

    @Override
    public String toString() {
        return masked();
    }

    /** ISO 13616: move the first four characters to the end, letters become 10..35, the number mod 97 is 1. */
    private static boolean hasValidIbanCheckDigits(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int digitValue = Character.digit(rearranged.charAt(i), 36);
            remainder = digitValue < 10 ? (remainder * 10 + digitValue) % 97 : (remainder * 100 + digitValue) % 97;
        }
        return remainder == 1;
    }
}
