package org.bms.web;

import static net.logstash.logback.argument.StructuredArguments.v;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, kept from {@code X-Request-Id} when it is safe to echo, and puts it on the
 * response, in the MDC of every log line the request writes, and in problem bodies. Ends each request with
 * one access line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger accessLog = LoggerFactory.getLogger("org.bms.access");

    /** The id of the request being served, for error bodies written outside the filter's scope. */
    public static String idOf(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? MDC.get(MDC_KEY) : id.toString();
    }

    /**
     * The id of the request being served, given one now if it has none: a request Tomcat refuses before any
     * filter (a TRACE, say) reaches the error page without one.
     */
    public static String idOf(HttpServletRequest request, HttpServletResponse response) {
        String id = idOf(request);
        return id != null ? id : assign(UUID.randomUUID().toString(), request, response);
    }

    private static String assign(String id, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        return id;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        assign(id, request, response);
        MDC.put(MDC_KEY, id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            // The path only: query strings may carry an account number.
            accessLog.info(
                    "{} {} answered {} in {} µs",
                    v("method", request.getMethod()),
                    v("path", request.getRequestURI()),
                    v("status", response.getStatus()),
                    v("durationMicros", micros));
            // Everything the request put there: its id, and who asked.
            MDC.clear();
        }
    }
}
