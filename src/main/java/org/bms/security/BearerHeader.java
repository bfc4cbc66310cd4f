package org.bms.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Takes the token from {@code Authorization: Bearer <token>}, and from nowhere else (no query or form parameter):
 * the rule of Spring Security's {@code DefaultBearerTokenResolver} (the scheme in any case, one space, an RFC 6750
 * {@code b64token}), read character by character rather than by its regular expression, which cost a read of an
 * account more CPU than the rest of the token check.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    /** The token, or {@code null} for a request without a bearer header; a malformed one is a 401. */
    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start
                || authorization.charAt(start - 1) != ' '
                || !isB64Token(authorization, start)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(start);
    }

    /** RFC 6750: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}, to the end. */
    private static boolean isB64Token(String text, int start) {
        int end = text.length();
        while (end > start && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
