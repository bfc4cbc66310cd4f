package org.bms.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token}: mints an HS256 bearer token from the secret the service checks tokens with, {@code JWT_SECRET}
 * or the secret file the service wrote beside its database, so whoever started it can drive it from the same
 * directory: {@code export BMS_TOKEN=$(java -jar bms-cli.jar token --subject me --role ADMIN)}.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Print an HS256 bearer token signed with JWT_SECRET or the service's secret file.")
final class TokenCommand implements Callable<Integer> {

    private static final List<String> ROLES = List.of("TELLER", "AUDITOR", "ADMIN");
    private static final int MAX_SUBJECT = 64;
    private static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** The environment, replaceable in tests. */
    static UnaryOperator<String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Option(names = "--subject", required = true, paramLabel = "NAME", description = "Who the token speaks for (sub).")
    String subject;

    @Option(
            names = "--role",
            required = true,
            split = ",",
            paramLabel = "ROLE",
            description = "TELLER, AUDITOR or ADMIN; repeat it or give a comma list.")
    List<String> roles;

    @Option(
            names = "--ttl",
            defaultValue = "1h",
            paramLabel = "DURATION",
            description = "How long the token lasts: 90s, 30m, 1h, 2d or ISO-8601 (default: 1h).")
    String ttl;

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = "The service's secret file (default: $JWT_SECRET_FILE, else bms-secret.key here);"
                    + " $JWT_SECRET, when set, wins.")
    Path secretFile;

    @Override
    public Integer call() {
        if (subject.isBlank() || subject.length() > MAX_SUBJECT) {
            throw usage("--subject must be 1 to " + MAX_SUBJECT + " characters");
        }
        List<String> granted = new ArrayList<>();
        for (String role : roles) {
            String name = role.strip().toUpperCase(Locale.ROOT);
            if (!ROLES.contains(name)) {
                throw usage("--role " + role + " is not one of " + String.join(", ", ROLES));
            }
            granted.add(name);
        }
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("roles", granted);
        claims.put("iat", BigDecimal.valueOf(now.getEpochSecond()));
        claims.put("exp", BigDecimal.valueOf(now.plus(lifetime()).getEpochSecond()));
        spec.commandLine().getOut().println(sign(Json.write(claims), secret()));
        return 0;
    }

    private Duration lifetime() {
        Duration duration;
        try {
            String text = ttl.strip().toUpperCase(Locale.ROOT);
            duration = text.startsWith("P")
                    ? Duration.parse(text)
                    : text.endsWith("D") ? Duration.parse("P" + text) : Duration.parse("PT" + text);
        } catch (DateTimeParseException e) {
            throw usage("--ttl " + ttl + " is not a duration such as 90s, 30m, 1h or 2d");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw usage("--ttl must be positive");
        }
        return duration;
    }

    /** JWT_SECRET as given, else the file's one line without its line end, as the service reads them. */
    private byte[] secret() {
        String fromEnvironment = environment.apply("JWT_SECRET");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return checked(fromEnvironment, "JWT_SECRET");
        }
        String fileSetting = environment.apply("JWT_SECRET_FILE");
        Path file = secretFile != null
                ? secretFile
                : Path.of(fileSetting == null || fileSetting.isEmpty() ? "bms-secret.key" : fileSetting);
        try {
            return checked(Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", ""), file.toString());
        } catch (IOException e) {
            throw usage("Cannot read the secret file " + file.toAbsolutePath() + ": the service writes it on its first"
                    + " start (beside its database); run this where it runs, give --secret-file, or set JWT_SECRET");
        }
    }

    private byte[] checked(String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw usage(
                    source + " holds " + bytes.length + " bytes; an HS256 secret needs at least " + MIN_SECRET_BYTES);
        }
        return bytes;
    }

    static String sign(String claimsJson, byte[] secret) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String signingInput = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "."
                    + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
