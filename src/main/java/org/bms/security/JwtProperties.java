package org.bms.security;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which tokens the service accepts. The first key set wins: an OpenID Connect issuer, an RSA public key, a shared
 * secret; with none of them the service makes a secret of its own in {@code secretFile}.
 *
 * @param issuerUri an OpenID Connect issuer whose discovery document names its JWKS ({@code JWT_ISSUER_URI})
 * @param publicKey a PEM file with the RSA public key of RS256 tokens ({@code JWT_PUBLIC_KEY})
 * @param secret the HS256 secret, at least 32 bytes of UTF-8 ({@code JWT_SECRET})
 * @param secretFile where the generated secret lives; unset means {@code bms-secret.key} beside the database
 *     ({@code JWT_SECRET_FILE})
 * @param audience when set, a token's {@code aud} must name it ({@code JWT_AUDIENCE})
 * @param clockSkew how far past {@code exp} (or before {@code nbf}) a token is still taken, for clocks that drift
 */
@ConfigurationProperties("bms.security.jwt")
public record JwtProperties(
        String issuerUri,
        Path publicKey,
        String secret,
        Path secretFile,
        String audience,
        @DefaultValue("60s") Duration clockSkew) {

    /** The default name of the generated secret. */
    static final String SECRET_FILE_NAME = "bms-secret.key";

    /** The shortest HS256 secret RFC 7518 allows: as many bytes as the hash has. */
    static final int MIN_SECRET_BYTES = 32;

    static boolean isSet(Object value) {
        return value != null && !value.toString().isBlank();
    }
}
