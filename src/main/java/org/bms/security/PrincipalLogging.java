package org.bms.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Puts the token's subject in the MDC as {@code principal}, so every log line of the request, the access line
 * included, says who asked. The request-id filter clears the MDC when the request ends; it does not see error
 * dispatches, so neither does this, or the name would stay on the thread for the next request.
 */
final class PrincipalLogging implements Filter {

    static final String MDC_KEY = "principal";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getDispatcherType() == DispatcherType.REQUEST
                && authentication instanceof JwtAuthenticationToken token) {
            MDC.put(MDC_KEY, token.getName());
        }
        chain.doFilter(request, response);
    }
}
