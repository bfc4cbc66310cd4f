package org.bms.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;

/**
 * Headers every answer carries, set before anything else runs so that no path, error or refusal lacks them:
 * no browser may guess a content type other than the one declared, and nothing the service answers with but
 * its API documentation (accounts, balances, movements, totals, problems about them) is kept by any cache.
 */
class SafeHeadersValve extends ValveBase {

    static final String NO_SNIFF = "nosniff";

    SafeHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", NO_SNIFF);
        if (!isDocumentation(request.getDecodedRequestURI())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        getNext().invoke(request, response);
    }

    private static boolean isDocumentation(String path) {
        return path != null && (path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs"));
    }
}
