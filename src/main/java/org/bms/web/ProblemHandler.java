package org.bms.web;

import static net.logstash.logback.argument.StructuredArguments.v;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.bms.database.DatabaseUnavailableException;
import org.bms.validation.InvalidInputException;
import org.bms.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become RFC 9457 problems. Every problem carries a stable {@code type}, the
 * request's path as {@code instance} and its {@code requestId}; none carries a stack trace, class name or
 * SQL. Each feature's own failures are {@link ProblemException}s that carry their status, type and title; this
 * handler maps the framework's (bad JSON, wrong media type, unknown path, wrong method …) to the same shape.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = ProblemException.TYPE_BASE;
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MeterRegistry meters;

    ProblemHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid request", e.getMessage());
        problem.setProperty("errors", e.violations());
        return respond(e, problem, request);
    }

    @ExceptionHandler
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, WebRequest request) {
        return respond(
                e,
                problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", e.getMessage()),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> bodyTooSlow(RequestTimeoutException e, WebRequest request) {
        return respond(
                e,
                problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request body too slow", e.getMessage()),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> serverBusy(ServerBusyException e, WebRequest request) {
        return respond(
                e,
                problem(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", "Server busy", e.getMessage()),
                request,
                retryAfter(1));
    }

    /**
     * Spring Security's own refusals, should one be thrown past the security filters (they answer their own with
     * the security feature's problems): never the catch-all's 500.
     */
    @ExceptionHandler
    ResponseEntity<Object> unauthenticated(AuthenticationException e, WebRequest request) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bms\"");
        return respond(
                e,
                problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required."),
                request,
                headers);
    }

    @ExceptionHandler
    ResponseEntity<Object> accessDenied(AccessDeniedException e, WebRequest request) {
        return respond(
                e,
                problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token's roles do not allow this."),
                request);
    }

    @ExceptionHandler
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException e, WebRequest request) {
        return respond(
                e,
                problem(
                        HttpStatus.CONFLICT,
                        "concurrent-update",
                        "Account changed concurrently",
                        "Read it again and retry."),
                request);
    }

    /**
     * The database refused the work (a lock held too long, a full disk, an unwritable or vanished file): nothing
     * was written, and the client may retry. A full disk is 507, anything else 503; both say when to retry.
     */
    @ExceptionHandler
    ResponseEntity<Object> databaseUnavailable(DatabaseUnavailableException e, WebRequest request) {
        DatabaseUnavailableException.Reason reason = e.reason();
        log.warn("The database refused the request: {}", v("reason", reason), v("cause", rootMessage(e)));
        ProblemDetail problem = reason == DatabaseUnavailableException.Reason.FULL
                ? problem(
                        HttpStatus.INSUFFICIENT_STORAGE,
                        "insufficient-storage",
                        "Insufficient storage",
                        reason.detail())
                : problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "Database unavailable",
                        reason.detail());
        return respond(e, problem, request, retryAfter(reason.retryAfter().toSeconds()));
    }

    /**
     * Anything else is a database refusal (503 or 507) when some cause says so, however it was wrapped on the
     * way (by Spring's data access, a transaction, or a batch chunk), and a fault (500) otherwise.
     */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        Optional<DatabaseUnavailableException> refused = DatabaseUnavailableException.causeOf(e);
        if (refused.isPresent()) {
            return databaseUnavailable(refused.get(), request);
        }
        log.error("Request failed unexpectedly", e);
        return respond(
                e,
                problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "The request failed; quote the requestId when you report it."),
                request);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = jacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = truncate(unknown.getPropertyName());
            return invalid(e, "Unknown field '" + field + "'", new Violation(field, "is not a known field"), request);
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = truncate(fieldPath(mismatch));
            return invalid(
                    e,
                    "Field '" + field + "' has the wrong type",
                    new Violation(field, "has the wrong type or format"),
                    request);
        }
        ProblemDetail problem = cause instanceof StreamReadException
                ? problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed-json",
                        "Malformed JSON",
                        "The request body is not valid JSON.")
                : problem(
                        HttpStatus.BAD_REQUEST,
                        "unreadable-body",
                        "Unreadable request body",
                        "The request body is missing or cannot be read as the expected JSON object.");
        return respond(e, problem, request);
    }

    /**
     * Tomcat reads the query string only when a parameter is first asked for, and refuses one it cannot decode
     * (a bad {@code %} escape) or that has too many parameters with this exception: the client's mistake.
     */
    @ExceptionHandler
    ResponseEntity<Object> invalidParameters(InvalidParameterException e, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getErrorCode());
        return respond(
                e,
                problem(
                        status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
                        "invalid-query",
                        "Malformed query string",
                        "The query string cannot be read: percent-encode it as UTF-8, with at most a few"
                                + " parameters."),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return invalid(
                e,
                "'" + name + "' has the wrong type or format",
                new Violation(name, "has the wrong type or format"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(result.getMethodParameter().getParameterName(), message(error))))
                .toList();
        return invalidInput(new InvalidInputException(violations), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), message(error)))
                .toList();
        return invalidInput(new InvalidInputException(violations), request);
    }

    /** Every framework-level problem passes here; give it our type, instance and request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : e instanceof ErrorResponse response ? response.getBody() : ProblemDetail.forStatus(status);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_BASE + slugOf(status)));
        }
        if (problem.getDetail() == null) {
            problem.setDetail(defaultDetail(e, request));
        }
        if (status.is4xxClientError()) {
            log.info("Request refused: {}", v("problem", problem.getType().toString()));
        }
        counted(problem);
        return super.handleExceptionInternal(e, enrich(problem, request), headers, status, request);
    }

    /** Problems answered, by type and status: {@code bms.problems}. */
    private void counted(ProblemDetail problem) {
        String type = problem.getType().toString();
        meters.counter(
                        "bms.problems",
                        "type",
                        type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type,
                        "status",
                        Integer.toString(problem.getStatus()))
                .increment();
    }

    /** Spring leaves most framework problems without a detail; say in words what the client should change. */
    private static String defaultDetail(Exception e, WebRequest request) {
        String method = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod()
                : "";
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return "There is no endpoint " + method + " at this path.";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "Method " + method + " is not supported here; the Allow header lists the methods that are.";
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return "Send the body as application/json.";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "This endpoint answers with application/json.";
        }
        return "The request could not be served as sent.";
    }

    private ResponseEntity<Object> respond(Exception e, ProblemDetail problem, WebRequest request) {
        return respond(e, problem, request, new HttpHeaders());
    }

    private ResponseEntity<Object> respond(
            Exception e, ProblemDetail problem, WebRequest request, HttpHeaders headers) {
        return handleExceptionInternal(e, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    /** A 400 for one field or parameter, with a detail that says what is wrong in the client's words. */
    private ResponseEntity<Object> invalid(Exception e, String detail, Violation violation, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid request", detail);
        problem.setProperty("errors", List.of(violation));
        return respond(e, problem, request);
    }

    private static HttpHeaders retryAfter(long seconds) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        return ProblemException.problem(status, slug, title, detail);
    }

    private static ProblemDetail enrich(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            problem.setInstance(instanceOf(http.getRequestURI()));
            problem.setProperty("requestId", RequestIdFilter.idOf(http));
        }
        return problem;
    }

    /** The request path as a URI; a path no URI can hold is reported as the root rather than failing. */
    static URI instanceOf(String path) {
        try {
            return URI.create(path == null ? "/" : path);
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The cause worth answering: what Jackson said, else the failure itself. */
    private static Throwable jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return cause;
            }
        }
        return e;
    }

    private static String fieldPath(MismatchedInputException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Field names come from the client; echo no more of them than a person needs. */
    private static String truncate(String text) {
        return text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
