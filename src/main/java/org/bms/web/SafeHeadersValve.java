package org.bms.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;

/**
 * Headers every answer carries, set before anything else runs so that no path, error or refusal lacks them:
 * no browser may guess a content type other than the one declared, and nothing the service answers with but
 * its API documentation (accounts, balances, movements, totals, problems about them) is kept by any cache, and no
 * page of the service may be framed by another site's.
 */
class SafeHeadersValve extends ValveBase {

    SafeHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        addTo(response, isDocumentation(request.getDecodedRequestURI()));
        getNext().invoke(request, response);
    }

    /** For answers written outside the pipeline, such as {@link ProblemErrorReportValve}'s. */
    static void addTo(HttpServletResponse response, boolean cacheable) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (!cacheable) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isDocumentation(String path) {
        return path != null && (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs"));
    }
}
