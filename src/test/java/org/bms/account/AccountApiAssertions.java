package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bms.support.ApiClient;
import org.bms.support.ApiClient.Response;

/**
 * What the account endpoint tests share: the problem assertion, exact reads of amounts, and the small factories
 * that open the accounts a test asserts on. Each test opens its own accounts with numbers no other test uses.
 */
final class AccountApiAssertions {

    static final String PROBLEM_TYPES = "https://bms.example/problems/";
    static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";
    static final String UNKNOWN_ID = "9223372036854775807";

    private AccountApiAssertions() {}

    // --- factory methods ---

    static long open(ApiClient api, String number, String balance) {
        Response created = api.create("Holder " + number, number, balance);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    /**
     * A German IBAN at the contract example's bank for {@code accountNumber} (ten digits), with ISO 13616 check
     * digits computed independently of the service.
     */
    static String iban(String accountNumber) {
        String bban = "37040044" + accountNumber;
        String rearranged = bban + "DE00";
        var digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("DE%02d%s", check, bban);
    }

    /** How a person types an IBAN: groups of four, lower case. */
    static String spacedLowerCase(String number) {
        return number.toLowerCase(Locale.ROOT).replaceAll("(.{4})", "$1 ").strip();
    }

    // --- reading and asserting ---

    /** A member's JSON text as the service wrote it, so {@code 1000.00} is not read back as a double. */
    static String rawMember(Response response, String member) {
        var matcher = Pattern.compile("\"" + member + "\":([^,}]+)").matcher(response.body());
        assertThat(matcher.find()).as("member %s in %s", member, response).isTrue();
        return matcher.group(1);
    }

    /** Every error: its status, RFC 9457 media type, our problem type, title, instance and request id. */
    static void assertProblem(Response response, int status, String slug, String title, String instance) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        json(response).extractingPath("$.type").isEqualTo(PROBLEM_TYPES + slug);
        json(response).extractingPath("$.title").isEqualTo(title);
        json(response).extractingPath("$.status").isEqualTo(status);
        json(response).extractingPath("$.instance").isEqualTo(instance);
        json(response).extractingPath("$.detail").asString().isNotBlank();
        String requestId = response.header("X-Request-Id").orElseThrow();
        json(response).extractingPath("$.requestId").isEqualTo(requestId);
    }
}
