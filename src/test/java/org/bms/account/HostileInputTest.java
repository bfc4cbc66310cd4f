package org.bms.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bms.support.JsonAssertions.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bms.support.ApiClient.Response;
import org.bms.support.HttpIntegrationTest;
import org.bms.support.Json;
import org.bms.support.SqliteOnly;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Malformed and hostile requests, each refused with a clean problem and changing nothing, and hostile-looking but
 * valid values, each kept verbatim. Runs on a database of its own.
 */
@TestPropertySource(properties = "bms.database.url=target/test-db/hostile-${random.uuid}.sqlite")
class HostileInputTest extends HttpIntegrationTest {

    private static final String JSON = "application/json";
    private static final String EXISTING = "{existing}";
    private static final String EXISTING_IN_HEX = "{existing-in-hex}";
    private static final int SEVENTY_KIB = 70 * 1024;

    /** The account the attacks on one are aimed at, made by the first attack that needs it. */
    private static Long existingId;

    @Value("${bms.database.url}")
    private String databaseUrl;

    /**
     * One request as a hostile client sends it; {@value #EXISTING} in the path is an account that exists, and
     * {@value #EXISTING_IN_HEX} its id in hexadecimal digits.
     */
    record Attack(String method, String path, String contentType, byte[] body, boolean chunked, List<String> headers) {

        Attack with(String header, String value) {
            var more = new ArrayList<>(headers);
            more.add(header);
            more.add(value);
            return new Attack(method, path, contentType, body, chunked, List.copyOf(more));
        }
    }

    /** What the attacks must leave alone: how many accounts there are, and the attacked one as it reads. */
    private record State(int active, int closed, String existingAccount) {}

    @Test
    @SqliteOnly
    void itRunsOnADatabaseOfItsOwn() {
        assertThat(databaseUrl).contains("target/test-db/hostile-").doesNotContain("shared-");
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("hostileRequests")
    void aHostileRequestIsRefusedWithAProblemThatRevealsNothingAndChangesNothing(Attack attack, int status)
            throws Exception {
        State before = state();

        Response response = send(attack);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        json(response).extractingPath("$.status").isEqualTo(response.status());
        json(response).extractingPath("$.type").asString().startsWith("https://bms.example/problems/");
        json(response).extractingPath("$.title").asString().isNotBlank();
        json(response).extractingPath("$.instance").asString().startsWith("/");
        json(response)
                .extractingPath("$.requestId")
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
        assertThat(response.body())
                .doesNotContain("java.", "org.", "Exception", "tools.jackson", "\tat ", "\\tat ")
                .doesNotContainIgnoringCase("sql", "select ", "insert into", "stacktrace", "trace\"");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLookingNames")
    void aHostileLookingButValidNameIsKeptVerbatim(String name) {
        String number = uniqueNumber();

        Response created = api.create(name, number, "1");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        json(created).extractingPath("$.name").isEqualTo(name);
        json(api.get("/accounts/" + created.id())).extractingPath("$.name").isEqualTo(name);
        json(api.get("/accounts?number=" + number))
                .extractingPath("$.content[*].name")
                .asArray()
                .containsExactly(name);
    }

    static Stream<Arguments> hostileRequests() {
        String valid = validBody();
        String bigName = "A".repeat(SEVENTY_KIB);
        return Stream.of(
                // Bodies that are not the JSON object expected.
                refusal("broken JSON", 400, post("{\"name\":\"A\",\"number\":")),
                refusal("empty body", 400, post("")),
                refusal("JSON array body", 400, post("[" + valid + "]")),
                refusal("JSON string body", 400, post("\"an account\"")),
                refusal("JSON null body", 400, post("null")),
                refusal("JSON number body", 400, post("42")),
                refusal("deeply nested arrays", 400, post("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                refusal(
                        "duplicate keys",
                        400,
                        post("{\"name\":\"A\",\"name\":\"B\",\"number\":\"" + uniqueNumber() + "\"}")),
                refusal("trailing garbage after the object", 400, post(valid + " x")),
                refusal("a second object after the first", 400, post(valid + valid)),
                refusal("unknown field", 400, post(member(valid, "\"admin\":true"))),
                refusal("unknown nested field", 400, post(member(valid, "\"owner\":{\"role\":\"admin\"}"))),
                // Wrong types and nulls.
                refusal("name as a number", 400, post(body("42", freshNumber(), "1"))),
                refusal("name as an object", 400, post(body("{\"first\":\"A\"}", freshNumber(), "1"))),
                refusal("number as a number", 400, post(body("\"A\"", "1234567890", "1"))),
                refusal("balance as a boolean", 400, post(body("\"A\"", freshNumber(), "true"))),
                refusal("balance as an object", 400, post(body("\"A\"", freshNumber(), "{\"amount\":1}"))),
                refusal("balance as an array", 400, post(body("\"A\"", freshNumber(), "[1]"))),
                refusal("balance as an empty string", 400, post(body("\"A\"", freshNumber(), "\"\""))),
                refusal("balance as a word", 400, post(body("\"A\"", freshNumber(), "\"ten\""))),
                refusal("name null", 400, post(body("null", freshNumber(), "1"))),
                refusal("number null", 400, post(body("\"A\"", "null", "1"))),
                refusal("name and number missing", 400, post("{\"balance\":1}")),
                // Numbers that are not amounts.
                refusal("NaN as a number", 400, post(account("NaN"))),
                refusal("NaN as a string", 400, post(account("\"NaN\""))),
                refusal("Infinity as a number", 400, post(account("Infinity"))),
                refusal("Infinity as a string", 400, post(account("\"Infinity\""))),
                refusal("-Infinity as a string", 400, post(account("\"-Infinity\""))),
                refusal("three decimals in USD", 400, post(account("10.101"))),
                refusal("three decimals in USD as a string", 400, post(account("\"10.101\""))),
                refusal("one decimal in JPY", 400, post(Json.account("Yen", uniqueNumber(), "5.5", "JPY"))),
                refusal("negative opening balance", 400, post(account("-0.01"))),
                refusal("negative zero point one as a string", 400, post(account("\"-0.1\""))),
                refusal("1e400", 400, post(account("1e400"))),
                refusal("1e-999999999", 400, post(account("1e-999999999"))),
                refusal("a quintillion", 400, post(account("1000000000000000000"))),
                refusal("just over the largest balance", 400, post(account("999999999999999.991"))),
                refusal("one cent over the largest balance", 400, post(account("1000000000000000.00"))),
                refusal("a thousand-digit number", 400, post(account("9".repeat(1000)))),
                // Names.
                refusal("CR in the name", 400, post(Json.account("John\rDoe", uniqueNumber(), "1"))),
                refusal("LF in the name", 400, post(Json.account("John\nBcc: evil@example.com", uniqueNumber(), "1"))),
                refusal("NUL in the name", 400, post(Json.account("John\u0000Doe", uniqueNumber(), "1"))),
                refusal("tab in the name", 400, post(Json.account("John\tDoe", uniqueNumber(), "1"))),
                refusal("line separator in the name", 400, post(Json.account("John\u2028Doe", uniqueNumber(), "1"))),
                refusal("lone surrogate in the name", 400, post(body("\"John\\ud800Doe\"", freshNumber(), "1"))),
                refusal("101-character name", 400, post(Json.account("A".repeat(101), uniqueNumber(), "1"))),
                refusal("101-emoji name", 400, post(Json.account("🦊".repeat(101), uniqueNumber(), "1"))),
                refusal("blank name", 400, post(Json.account("   ", uniqueNumber(), "1"))),
                refusal("empty name", 400, post(Json.account("", uniqueNumber(), "1"))),
                // Numbers.
                refusal("IBAN with bad check digits", 400, post(Json.account("A", "DE00370400440532013000", "1"))),
                refusal("IBAN one digit off", 400, post(Json.account("A", "GB82WEST12345698765433", "1"))),
                refusal("number with symbols", 400, post(Json.account("A", "12345-6789", "1"))),
                refusal("number with markup", 400, post(Json.account("A", "1234<script>", "1"))),
                refusal("number with SQL", 400, post(Json.account("A", "1' OR '1'='1", "1"))),
                refusal("number with Arabic-Indic digits", 400, post(Json.account("A", "١٢٣٤٥٦٧٨", "1"))),
                refusal("number too short", 400, post(Json.account("A", "12345", "1"))),
                refusal("number of 35 characters", 400, post(Json.account("A", "1".repeat(35), "1"))),
                refusal("blank number", 400, post(Json.account("A", "      ", "1"))),
                // Currencies.
                refusal("unknown currency XYZ", 400, post(Json.account("A", uniqueNumber(), "1", "XYZ"))),
                refusal("currency without minor unit XAU", 400, post(Json.account("A", uniqueNumber(), "0", "XAU"))),
                refusal("currency of two letters", 400, post(Json.account("A", uniqueNumber(), "1", "US"))),
                refusal("empty currency", 400, post(Json.account("A", uniqueNumber(), "1", ""))),
                // Size and media type.
                refusal("70 KiB body with Content-Length", 413, post(Json.account(bigName, uniqueNumber(), "1"))),
                refusal("70 KiB chunked body", 413, chunked(Json.account(bigName, uniqueNumber(), "1"))),
                refusal("text/plain body", 415, send("POST", "/accounts", "text/plain", valid)),
                refusal(
                        "application/xml body",
                        415,
                        send("POST", "/accounts", "application/xml", "<account><name>A</name></account>")),
                refusal(
                        "form-encoded body",
                        415,
                        send("POST", "/accounts", "application/x-www-form-urlencoded", "name=A")),
                refusal("no Content-Type", 415, send("POST", "/accounts", null, valid)),
                refusal(
                        "PUT an undecodable form",
                        415,
                        send("PUT", "/accounts/" + EXISTING, "application/x-www-form-urlencoded", "a=%zz")),
                refusal(
                        "DELETE with an undecodable form",
                        409,
                        send("DELETE", "/accounts/" + EXISTING, "application/x-www-form-urlencoded", "a=%zz")),
                refusal("JSON that is not UTF-8", 400, send("POST", "/accounts", JSON, new byte[] {
                    '{', '"', 'n', (byte) 0xC3, '"', '}'
                })),
                // Ids.
                refusal("GET id abc", 400, get("/accounts/abc")),
                refusal("GET id of 20 digits", 400, get("/accounts/99999999999999999999")),
                refusal("GET id -1", 404, get("/accounts/-1")),
                refusal("GET id 1.5", 400, get("/accounts/1.5")),
                refusal("PUT id abc", 400, send("PUT", "/accounts/abc", JSON, valid)),
                refusal("PUT id of 20 digits", 400, send("PUT", "/accounts/99999999999999999999", JSON, valid)),
                refusal("PUT id -1", 404, send("PUT", "/accounts/-1", JSON, valid)),
                refusal("PUT id 1.5", 400, send("PUT", "/accounts/1.5", JSON, valid)),
                refusal("DELETE id abc", 400, delete("/accounts/abc")),
                refusal("DELETE id of 20 digits", 400, delete("/accounts/99999999999999999999")),
                refusal("DELETE id -1", 404, delete("/accounts/-1")),
                refusal("DELETE id 1.5", 400, delete("/accounts/1.5")),
                // Spring would read these as the existing account's id: 0x1f and #1f are 31.
                refusal("GET id in hex", 400, get("/accounts/0x" + EXISTING_IN_HEX)),
                refusal("PUT id in hex", 400, send("PUT", "/accounts/0x" + EXISTING_IN_HEX, JSON, valid)),
                refusal("DELETE id in hex", 400, delete("/accounts/0x" + EXISTING_IN_HEX)),
                refusal("DELETE id after #", 400, delete("/accounts/%23" + EXISTING_IN_HEX)),
                refusal("GET id in Arabic-Indic digits", 400, get("/accounts/%D9%A1")),
                refusal("GET id with a plus sign", 400, get("/accounts/+1")),
                refusal("page in hex", 400, get("/accounts?page=0x1")),
                refusal("size in hex", 400, get("/accounts?size=0x10")),
                // Preconditions, paths and methods.
                refusal(
                        "If-Match garbage on PUT",
                        400,
                        send("PUT", "/accounts/" + EXISTING, JSON, valid).with("If-Match", "garbage")),
                refusal(
                        "If-Match unterminated on PUT",
                        400,
                        send("PUT", "/accounts/" + EXISTING, JSON, valid).with("If-Match", "\"0")),
                refusal("unknown path", 404, get("/nope")),
                refusal("path below an account", 404, get("/accounts/" + EXISTING + "/owner")),
                refusal("PATCH an account", 405, send("PATCH", "/accounts/" + EXISTING, JSON, valid)),
                refusal("DELETE the collection", 405, delete("/accounts")),
                refusal("PUT the collection", 405, send("PUT", "/accounts", JSON, valid)),
                refusal("TRACE an account", 405, send("TRACE", "/accounts/" + EXISTING, null, (byte[]) null)),
                refusal("Accept application/xml", 406, get("/accounts/abc").with("Accept", "application/xml")),
                // Requests the servlet container itself refuses, before the application sees them.
                refusal("encoded slash in the id", 400, get("/accounts/%2F")),
                refusal("encoded NUL in the id", 400, get("/accounts/%00")),
                refusal("URL of 20 KB", 400, get("/accounts?name=" + "a".repeat(20_000))),
                refusal("header of 20 KB", 400, get("/accounts").with("X-Padding", "a".repeat(20_000))),
                // List parameters.
                refusal("size=0", 400, get("/accounts?size=0")),
                refusal("size=-1", 400, get("/accounts?size=-1")),
                refusal("size=abc", 400, get("/accounts?size=abc")),
                refusal("size=101", 400, get("/accounts?size=101")),
                refusal("page=-1", 400, get("/accounts?page=-1")),
                refusal("page of 20 digits", 400, get("/accounts?page=99999999999999999999")),
                refusal("page past 2^31 accounts", 400, get("/accounts?page=2147483647&size=100")),
                refusal("page just past 2^31 accounts", 400, get("/accounts?page=21474837")),
                refusal("status=FROZEN", 400, get("/accounts?status=FROZEN")),
                refusal("sort by an unknown property", 400, get("/accounts?sort=password,desc")),
                refusal("sort with SQL", 400, get("/accounts?sort=name%3B%20DROP%20TABLE%20account")));
    }

    static Stream<Arguments> hostileLookingNames() {
        return Stream.of(
                Arguments.of(Named.of("SQL injection", "Robert'); DROP TABLE account;--")),
                Arguments.of(Named.of("SQL tautology", "' OR '1'='1")),
                Arguments.of(Named.of("LIKE wildcards and escapes", "100%_off \\ back\\slash")),
                Arguments.of(Named.of("markup", "<script>alert(1)</script>")),
                Arguments.of(Named.of("emoji", "Zoë 🦊🏦")),
                Arguments.of(Named.of("Arabic, right to left", "مريم العلي")),
                Arguments.of(Named.of("Hebrew, right to left", "עברית")),
                Arguments.of(Named.of("combining accents", "Zoe\u0308 Cafe\u0301")),
                Arguments.of(Named.of("quotes and backslashes", "\"O'Brien\" \\n")),
                Arguments.of(Named.of("100 characters", "B".repeat(100))),
                Arguments.of(Named.of("100 emoji", "🦊".repeat(100))));
    }

    private Response send(Attack attack) throws IOException, InterruptedException {
        String path = attack.path()
                .replace(EXISTING, Long.toString(existingAccountId()))
                .replace(EXISTING_IN_HEX, Long.toHexString(existingAccountId()));
        if (!attack.chunked()) {
            return api.send(
                    attack.method(),
                    path,
                    attack.contentType(),
                    attack.body(),
                    attack.headers().toArray(String[]::new));
        }
        // A body of unknown length: the JDK client sends it chunked over HTTP/1.1, with no Content-Length.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", attack.contentType())
                .method(
                        attack.method(),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(attack.body())))
                .build();
        HttpResponse<String> raw = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(raw.statusCode(), raw.body(), raw);
    }

    /** An account that exists, for attacks on one. */
    private long existingAccountId() {
        if (existingId == null) {
            Response created = api.create("Target Account", uniqueNumber(), "1");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            existingId = created.id();
        }
        return existingId;
    }

    private State state() {
        // The attacked account first: the first call makes it.
        String existingAccount = api.get("/accounts/" + existingAccountId()).body();
        return new State(count("ACTIVE"), count("CLOSED"), existingAccount);
    }

    private int count(String status) {
        Response page = api.get("/accounts?size=1&status=" + status);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json("$.page.totalElements");
    }

    private static Arguments refusal(String name, int status, Attack attack) {
        return Arguments.of(Named.of(name, attack), status);
    }

    private static Attack get(String path) {
        return send("GET", path, null, (byte[]) null);
    }

    private static Attack delete(String path) {
        return send("DELETE", path, null, (byte[]) null);
    }

    private static Attack post(String json) {
        return send("POST", "/accounts", JSON, json);
    }

    private static Attack chunked(String json) {
        return new Attack("POST", "/accounts", JSON, json.getBytes(StandardCharsets.UTF_8), true, List.of());
    }

    private static Attack send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Attack send(String method, String path, String contentType, byte[] body) {
        return new Attack(method, path, contentType, body, false, List.of());
    }

    /** A body that would be accepted, so that only the attack around it is wrong. */
    private static String validBody() {
        return Json.account("Valid Holder", uniqueNumber(), "1");
    }

    /** An account body with a valid name and number and the given balance JSON. */
    private static String account(String balance) {
        return Json.account("Amount Test", uniqueNumber(), balance);
    }

    /** An account body from raw JSON values, for members of the wrong type. */
    private static String body(String nameJson, String numberJson, String balanceJson) {
        return "{\"name\":" + nameJson + ",\"number\":" + numberJson + ",\"balance\":" + balanceJson + "}";
    }

    private static String freshNumber() {
        return Json.quote(uniqueNumber());
    }

    private static String member(String objectJson, String extraMember) {
        return objectJson.substring(0, objectJson.length() - 1) + "," + extraMember + "}";
    }
}
