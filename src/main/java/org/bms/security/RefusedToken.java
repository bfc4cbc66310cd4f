package org.bms.security;

import java.util.Locale;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a token was refused, in a fixed phrase. The libraries' own messages may quote parts of the token, and a
 * token must appear in no log line and no answer, so only these phrases leave the service.
 */
final class RefusedToken {

    private RefusedToken() {}

    static String reason(AuthenticationException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream()
                        .map(OAuth2Error::getDescription)
                        .map(RefusedToken::claimReason)
                        .findFirst()
                        .orElse("its claims are not accepted");
            }
        }
        String message = messages(refusal);
        if (message.contains("bearer token is malformed")) {
            return "the Authorization header is not a well-formed bearer token";
        }
        if (message.contains("invalid signature")) {
            return "the signature does not match";
        }
        if (message.contains("unsupported algorithm") || message.contains("unsecured")) {
            return "unsigned tokens are not accepted";
        }
        if (message.contains("another algorithm expected") || message.contains("no matching key")) {
            return "it is signed with an algorithm or key this service does not accept";
        }
        return "it is not a well-formed signed JWT";
    }

    private static String claimReason(String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (text.contains("exp is required")) {
            return "it has no expiry (exp)";
        }
        if (text.contains("expired")) {
            return "it has expired";
        }
        if (text.contains("used before") || text.contains("nbf")) {
            return "it is not valid yet";
        }
        if (text.contains(TokenClaims.AUDIENCE_REFUSED)) {
            return "it is meant for another audience";
        }
        if (text.contains(TokenClaims.SUBJECT_REFUSED)) {
            return "its subject (sub) is missing or longer than " + TokenClaims.MAX_SUBJECT_LENGTH + " characters";
        }
        if (text.contains("iss")) {
            return "it is from another issuer";
        }
        if (text.contains("typ")) {
            return "its type is not JWT";
        }
        return "its claims are not accepted";
    }

    private static String messages(Throwable refusal) {
        var text = new StringBuilder();
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
