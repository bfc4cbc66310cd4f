package org.bms.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before any filter or controller sees them (a path with a bad percent
 * escape, say). This valve writes those refusals as problem documents too, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = ProblemHandler.slugOf(known == null ? HttpStatus.BAD_REQUEST : known);
        String requestId = UUID.randomUUID().toString();
        String body = "{\"type\":\"" + ProblemHandler.TYPE_BASE + slug + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"The request could not be read as HTTP.\",\"instance\":\""
                // A parsed URI holds no quote, backslash or control character: safe inside a JSON string.
                + ProblemHandler.instanceOf(request.getRequestURI()) + "\",\"requestId\":\"" + requestId + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIdFilter.HEADER, requestId);
            SafeHeadersValve.addTo(response, false);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is already broken; there is no one left to tell.
        }
    }
}
