package org.bms.security;

import static net.logstash.logback.argument.StructuredArguments.v;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The key tokens are checked with, from the first setting given: an OpenID Connect issuer, an RSA public key, a
 * shared secret, else the generated secret file. Each decoder takes exactly one algorithm (RS256 or HS256), so a
 * token signed another way, unsigned ({@code alg: none}), or signed with the public key used as an HMAC secret is
 * refused.
 */
final class TokenKeys {

    private static final Logger log = LoggerFactory.getLogger(TokenKeys.class);

    private TokenKeys() {}

    static JwtDecoder decoder(JwtProperties properties, Supplier<Path> defaultSecretFile) {
        NimbusJwtDecoder decoder;
        if (JwtProperties.isSet(properties.issuerUri())) {
            return issuer(properties);
        } else if (properties.publicKey() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            log.info("Tokens are checked with the RS256 public key in {}", v("publicKey", properties.publicKey()));
        } else if (JwtProperties.isSet(properties.secret())) {
            decoder = hs256(properties.secret(), "JWT_SECRET");
            log.info("Tokens are checked with the HS256 secret of JWT_SECRET");
        } else {
            Path file = properties.secretFile() != null ? properties.secretFile() : defaultSecretFile.get();
            decoder = hs256(SecretFile.readOrCreate(file), "JWT_SECRET_FILE " + file);
        }
        decoder.setJwtValidator(TokenClaims.validator(properties));
        return decoder;
    }

    /**
     * The issuer's discovery document and keys are fetched on the first token, not at start-up: the service starts
     * while the identity provider is down, and answers 503 until it is back.
     */
    private static JwtDecoder issuer(JwtProperties properties) {
        log.info("Tokens are checked with the keys of the issuer {}", v("issuer", properties.issuerUri()));
        JwtDecoder discovered = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(TokenClaims.validator(properties));
            return decoder;
        });
        return token -> {
            try {
                return discovered.decode(token);
            } catch (JwtDecoderInitializationException unreachable) {
                // Not the token's fault: tried again with the next one; meanwhile the security feature answers 503.
                throw new JwtException("The issuer's discovery document cannot be read", unreachable);
            }
        };
    }

    private static NimbusJwtDecoder hs256(String secret, String setting) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < JwtProperties.MIN_SECRET_BYTES) {
            throw new IllegalStateException(setting + " is " + bytes.length + " bytes long; an HS256 secret needs at"
                    + " least " + JwtProperties.MIN_SECRET_BYTES + " (e.g. openssl rand -base64 48)");
        }
        SecretKey key = new SecretKeySpec(bytes, "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    private static RSAPublicKey publicKey(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JWT_PUBLIC_KEY " + pem, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "JWT_PUBLIC_KEY " + pem + " is not a PEM RSA public key (-----BEGIN PUBLIC KEY-----)", e);
        }
    }
}
