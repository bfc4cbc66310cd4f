package org.bms.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a request reaches a controller (by the servlet container or a filter) end up at
 * {@code /error}; they get the same problem body as everything else instead of Boot's default JSON.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (code == null) {
            // Asked for directly, not forwarded an error: to a client it is a path like any unknown one.
            code = HttpStatus.NOT_FOUND.value();
            path = request.getRequestURI();
        }
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 500);
        HttpStatus known = HttpStatus.resolve(status.value());
        ProblemDetail problem = ProblemHandler.problem(
                known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                ProblemHandler.slugOf(status),
                known == null ? "Error" : known.getReasonPhrase(),
                detailFor(status, request.getMethod()));
        problem.setInstance(ProblemHandler.instanceOf(path == null ? null : path.toString()));
        problem.setProperty("requestId", RequestIdFilter.idOf(request, response));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String detailFor(HttpStatusCode status, String method) {
        if (status.is5xxServerError()) {
            return "The request failed; quote the requestId when you report it.";
        }
        if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return "There is no endpoint " + method + " at this path.";
        }
        if (status.isSameCodeAs(HttpStatus.REQUEST_TIMEOUT)) {
            // Tomcat's own answer to a body that fell silent for the whole body timeout.
            return "The request body did not arrive in time.";
        }
        return "The request could not be served.";
    }
}
