package org.bms.support;

import java.util.ArrayList;
import java.util.List;

/** Builds small JSON objects for request bodies; values that look numeric are written as JSON numbers. */
public final class Json {

    private Json() {}

    /**
     * An account body. {@code balance} is written as given, so {@code "10.50"} is the JSON number 10.50 and
     * {@code "\"10.50\""} a string; null members are left out.
     */
    public static String account(String name, String number, String balance) {
        return account(name, number, balance, null);
    }

    public static String account(String name, String number, String balance, String currency) {
        List<String> members = new ArrayList<>();
        if (name != null) {
            members.add("\"name\":" + quote(name));
        }
        if (number != null) {
            members.add("\"number\":" + quote(number));
        }
        if (balance != null) {
            members.add("\"balance\":" + balance);
        }
        if (currency != null) {
            members.add("\"currency\":" + quote(currency));
        }
        return "{" + String.join(",", members) + "}";
    }

    public static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
