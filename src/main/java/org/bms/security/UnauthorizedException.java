package org.bms.security;

import org.bms.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * No token, or one the service does not accept: 401 with the RFC 6750 challenge, {@code error="invalid_token"}
 * when a token was sent.
 */
class UnauthorizedException extends ProblemException {

    private UnauthorizedException(String detail, String challenge) {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    static UnauthorizedException missingToken() {
        return new UnauthorizedException(
                "This endpoint needs a bearer token: send Authorization: Bearer <JWT>.", "Bearer realm=\"bms\"");
    }

    /** A token was sent and refused; {@code reason} is one of the fixed phrases of {@link RefusedToken}. */
    static UnauthorizedException invalidToken(String reason) {
        return new UnauthorizedException(
                "The bearer token was refused: " + reason + ".",
                "Bearer realm=\"bms\", error=\"invalid_token\", error_description=\"" + reason + "\"");
    }
}
