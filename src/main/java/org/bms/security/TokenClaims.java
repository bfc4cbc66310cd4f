package org.bms.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * What a signed token must claim to be taken, and what it grants: {@code exp} (with the configured leeway), a
 * {@code sub} of 1–64 characters, the configured audience and issuer; the {@code roles} claim's known roles.
 */
final class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES = "roles";
    static final int MAX_SUBJECT_LENGTH = 64;
    static final String SUBJECT_REFUSED = "the sub claim is missing or too long";
    static final String AUDIENCE_REFUSED = "the aud claim does not name this service";

    /** The checks every token passes, whichever key signed it. */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        var timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(timestamps);
        // RFC 9068 access tokens say at+jwt; identity providers send either, or no typ at all.
        var types = new JwtTypeValidator(List.of("JWT", "at+jwt"));
        types.setAllowEmpty(true);
        checks.add(types);
        checks.add(claim(TokenClaims::hasSubject, SUBJECT_REFUSED));
        if (JwtProperties.isSet(properties.audience())) {
            String audience = properties.audience();
            checks.add(
                    claim(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience), AUDIENCE_REFUSED));
        }
        if (JwtProperties.isSet(properties.issuerUri())) {
            checks.add(new JwtIssuerValidator(properties.issuerUri()));
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithValidators(checks));
    }

    private static boolean hasSubject(Jwt jwt) {
        Object subject = jwt.getClaims().get(JwtClaimNames.SUB);
        return subject instanceof String text && !text.isBlank() && text.length() <= MAX_SUBJECT_LENGTH;
    }

    private static OAuth2TokenValidator<Jwt> claim(java.util.function.Predicate<Jwt> test, String refusal) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null);
        return jwt -> test.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    /** The token as the request's authentication: named by its {@code sub}, granted the roles it lists. */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt.getClaims().get(ROLES)), jwt.getSubject());
    }

    /** The known roles of the claim, given as a JSON array or a space-separated string; others are ignored. */
    static Set<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list
                ? list
                : claim instanceof String text ? List.of(text.trim().split("\\s+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        values.forEach(value -> Role.named(value).ifPresent(roles::add));
        return roles;
    }
}
