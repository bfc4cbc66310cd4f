package org.bms.cli;

import java.io.PrintWriter;
import tools.jackson.core.JacksonException;

/**
 * The service answered with an error status: a 4xx refusal (exit 1) or a 5xx failure (exit 2). Its RFC 9457
 * problem — title, detail and each field in error — is what the user reads.
 */
final class ServiceProblemException extends ServiceException {

    private final int status;
    private final String body;

    ServiceProblemException(int status, String body) {
        super("The service answered " + status, null);
        this.status = status;
        this.body = body;
    }

    @Override
    int exitCode() {
        return status >= 500 ? BmsCli.UNAVAILABLE : BmsCli.REFUSED;
    }

    /**
     * Whether this answer, to a retry of a movement whose first answer was lost, settles what became of it. A
     * refusal of the request itself does (400, 404, 409, 422): had an earlier attempt with the same key been carried
     * out, the service would have replayed its answer instead. A failure (5xx), {@code 409 request-in-progress}
     * (the earlier attempt still running), or a refusal of the caller (401, 403: a token that expired meanwhile)
     * says nothing about the earlier attempt.
     */
    boolean settlesRetry() {
        if (status == 409) {
            return !problem().path("type").text("").endsWith("/request-in-progress");
        }
        return status == 400 || status == 404 || status == 422;
    }

    @Override
    void report(PrintWriter err) {
        JsonValue problem = problem();
        String title = problem.path("title").text("");
        err.println(title.isEmpty() ? "Error " + status : "Error " + status + ": " + title);
        String detail = problem.path("detail").text("");
        if (!detail.isEmpty()) {
            err.println(detail);
        }
        for (JsonValue error : problem.path("errors").values()) {
            err.println("  " + error.path("field").text("?") + ": "
                    + error.path("message").text(""));
        }
        if (title.isEmpty() && detail.isEmpty() && !body.isBlank()) {
            err.println(body.strip());
        }
        String requestId = problem.path("requestId").text("");
        if (!requestId.isEmpty()) {
            err.println("(request id " + requestId + ")");
        }
    }

    /** The body as a problem; one that is not JSON (a proxy's page) has no fields, and is printed as it came. */
    private JsonValue problem() {
        try {
            return Json.read(body);
        } catch (JacksonException e) {
            return JsonValue.NONE;
        }
    }
}
