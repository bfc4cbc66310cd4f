package org.bms.security;

import static net.logstash.logback.argument.StructuredArguments.v;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bms.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Turns what the security filters refuse into problems, handed to the same exception handler every other problem
 * goes through, so a 401 or 403 carries the type, {@code instance} and {@code requestId} any problem does.
 * Refused tokens are logged with the reason, never with the token.
 */
@Component
class SecurityProblems
        implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler, RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final HandlerExceptionResolver problems;

    SecurityProblems(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    /** No token, or (from the bearer filter, as a failure) a token that was refused. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        answer(request, response, problemFor(refusal));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        commence(request, response, refusal);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Caller caller = Caller.current();
        log.info(
                "Refused {} {} to {}",
                v("method", request.getMethod()),
                v("path", request.getRequestURI()),
                v("roles", caller.roles()));
        answer(
                request,
                response,
                new ForbiddenException("The token's roles " + caller.roles() + " do not allow " + request.getMethod()
                        + " on this path."));
    }

    /**
     * What the firewall refuses (an encoded slash, a dot segment, a control character in the path …) is a 400
     * problem that says so, not a bare status.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.info("Refused a request the firewall rejects: {}", v("reason", rejected.getMessage()));
        answer(request, response, new RejectedRequestException());
    }

    private static ProblemException problemFor(AuthenticationException refusal) {
        if (refusal instanceof AuthenticationServiceException) {
            // The token could not be checked at all: the issuer's keys are out of reach.
            log.warn(
                    "Cannot check a bearer token: the identity provider is unavailable ({})",
                    v("cause", rootMessage(refusal)));
            return new IdentityProviderUnavailableException();
        }
        if (refusal instanceof OAuth2AuthenticationException) {
            String reason = RefusedToken.reason(refusal);
            log.warn("Refused a bearer token: {}", v("reason", reason));
            return UnauthorizedException.invalidToken(reason);
        }
        return UnauthorizedException.missingToken();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        if (problems.resolveException(request, response, null, problem) == null) {
            response.sendError(problem.getStatusCode().value());
        }
    }

    /** 400: the request holds what no endpoint takes and what a proxy might read otherwise than this service. */
    static final class RejectedRequestException extends ProblemException {

        RejectedRequestException() {
            super(
                    HttpStatus.BAD_REQUEST,
                    "rejected-request",
                    "Request rejected",
                    "The path or a header holds characters or sequences this service does not take (an encoded"
                            + " slash, a dot segment, a control character).");
        }
    }

    /** 503: the identity provider's keys cannot be fetched now; nothing was done. */
    static final class IdentityProviderUnavailableException extends ProblemException {

        IdentityProviderUnavailableException() {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "identity-provider-unavailable",
                    "Identity provider unavailable",
                    "The keys that tokens are checked with cannot be fetched now; retry shortly.");
            retryAfter(5);
        }
    }
}
