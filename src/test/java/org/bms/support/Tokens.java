package org.bms.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Bearer tokens for tests: the good ones the test contexts accept, and every kind of bad one. */
public final class Tokens {

    /** The HS256 secret of every test context ({@code src/test/resources/config/application.properties}). */
    public static final String SECRET = "test-secret-of-at-least-32-bytes-for-hs256";

    private Tokens() {}

    public static String admin() {
        return hs256("test-admin", "ADMIN");
    }

    public static String teller() {
        return hs256("test-teller", "TELLER");
    }

    public static String auditor() {
        return hs256("test-auditor", "AUDITOR");
    }

    /** A token for {@code subject} with {@code roles}, valid for an hour, signed with the test secret. */
    public static String hs256(String subject, String... roles) {
        return sign(
                claims(subject, roles).build(),
                hs256Signer(SECRET.getBytes(StandardCharsets.UTF_8)),
                JWSAlgorithm.HS256);
    }

    /** As {@link #hs256}, with its claims changed by {@code change} (an expiry in the past, an audience …). */
    public static String hs256(UnaryOperator<JWTClaimsSet.Builder> change, String subject, String... roles) {
        return sign(
                change.apply(claims(subject, roles)).build(),
                hs256Signer(SECRET.getBytes(StandardCharsets.UTF_8)),
                JWSAlgorithm.HS256);
    }

    /** A token for {@code subject} with {@code roles} signed with {@code secret}, as the CLI mints them. */
    public static String hs256With(String secret, String subject, String... roles) {
        return sign(
                claims(subject, roles).build(),
                hs256Signer(secret.getBytes(StandardCharsets.UTF_8)),
                JWSAlgorithm.HS256);
    }

    /** Signed with a secret the service does not know. */
    public static String wrongSecret(String... roles) {
        return sign(
                claims("intruder", roles).build(),
                hs256Signer("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)),
                JWSAlgorithm.HS256);
    }

    public static String expired(String... roles) {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        return hs256(
                claims -> claims.issueTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)),
                "late",
                roles);
    }

    /** {@code alg: none}: claims anyone could have written. */
    public static String unsigned(String... roles) {
        return new PlainJWT(claims("nobody", roles).build()).serialize();
    }

    /** HS256 whose secret is {@code key}'s bytes: the key confusion of a service that trusts {@code alg}. */
    public static String hs256WithKeyBytes(byte[] key, String... roles) {
        return sign(claims("confused", roles).build(), hs256Signer(key), JWSAlgorithm.HS256);
    }

    public static String rs256(KeyPair keys, String subject, String... roles) {
        return rs256(keys, claims -> claims, subject, roles);
    }

    public static String rs256(
            KeyPair keys, UnaryOperator<JWTClaimsSet.Builder> change, String subject, String... roles) {
        return sign(
                change.apply(claims(subject, roles)).build(), new RSASSASigner(keys.getPrivate()), JWSAlgorithm.RS256);
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of(roles));
    }

    private static JWSSigner hs256Signer(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, JWSSigner signer, JWSAlgorithm algorithm) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
