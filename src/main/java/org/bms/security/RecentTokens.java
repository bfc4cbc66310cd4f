package org.bms.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has just checked, so a client sending the same token request after request has its
 * signature and claims checked once a minute rather than every time: decoding, the HMAC or RSA check and the
 * claim conversion cost more than the rest of a read. Only tokens that passed every check are kept, each for at
 * most {@link #RECHECK_AFTER} (so a key the identity provider withdrew stops working within that time) and never
 * past its own expiry and the allowed clock skew.
 */
final class RecentTokens implements JwtDecoder {

    static final Duration RECHECK_AFTER = Duration.ofMinutes(1);
    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, Jwt> checked;

    RecentTokens(JwtDecoder decoder, Duration clockSkew, Clock clock) {
        this.decoder = decoder;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(RECHECK_AFTER)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        checked.put(token, jwt);
        return jwt;
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !clock.instant().isAfter(expiresAt.plus(clockSkew));
    }
}
