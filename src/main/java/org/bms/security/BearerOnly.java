package org.bms.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The service takes bearer tokens only. Spring Security would hand an {@code Authorization: DPoP …} header to its
 * DPoP filter, which answers a bare 401; this answers every other scheme with the same 401 problem and Bearer
 * challenge as a request without a token. Error dispatches pass: the request itself was judged already.
 */
final class BearerOnly implements Filter {

    private static final String BEARER = "bearer";

    private final AuthenticationEntryPoint problems;

    BearerOnly(AuthenticationEntryPoint problems) {
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            chain.doFilter(request, response);
            return;
        }
        var http = (HttpServletRequest) request;
        String authorization = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null
                && !authorization.isBlank()
                && !scheme(authorization).equals(BEARER)) {
            problems.commence(
                    http,
                    (HttpServletResponse) response,
                    new InsufficientAuthenticationException("Not a bearer token"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String scheme(String authorization) {
        String trimmed = authorization.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    }
}
