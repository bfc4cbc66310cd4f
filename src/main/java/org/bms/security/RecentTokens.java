package org.bms.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates bearer tokens, remembering the ones it has just checked, so a client sending the same token
 * request after request has its signature and claims checked once a minute rather than every time: decoding, the
 * HMAC or RSA check, the claim conversion and the authentication events cost more than the rest of a read. Only
 * tokens that passed every check are kept, each for at most {@link #RECHECK_AFTER} (so a key the identity provider
 * withdrew stops working within that time) and never past its own expiry and the allowed clock skew.
 *
 * <p>Each request gets an authentication of its own; only the checked token and the roles it grants are shared.
 */
final class RecentTokens implements AuthenticationManager {

    static final Duration RECHECK_AFTER = Duration.ofMinutes(1);
    private static final int MAX_TOKENS = 10_000;

    private final AuthenticationProvider checks;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, JwtAuthenticationToken> checked;

    /**
     * @param checks checks a {@link BearerTokenAuthenticationToken} and answers a {@link JwtAuthenticationToken}
     */
    RecentTokens(AuthenticationProvider checks, Duration clockSkew, Clock clock) {
        this.checks = checks;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.checked = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfterWrite(RECHECK_AFTER)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) request;
        JwtAuthenticationToken known = checked.getIfPresent(bearer.getToken());
        if (known != null && stillValid(known.getToken())) {
            return new JwtAuthenticationToken(known.getToken(), known.getAuthorities(), known.getName());
        }
        var authentication = (JwtAuthenticationToken) checks.authenticate(bearer);
        checked.put(bearer.getToken(), authentication);
        return authentication;
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !clock.instant().isAfter(expiresAt.plus(clockSkew));
    }
}
