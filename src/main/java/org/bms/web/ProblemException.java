package org.bms.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that is the client's answer: its status, problem type and title are the feature's own, so the
 * shared handler needs to know nothing of it. Subclasses are named for what went wrong
 * ({@code AccountNotFoundException}) and may add properties to {@link #getBody()} and headers to
 * {@link #getHeaders()}.
 */
public abstract class ProblemException extends ErrorResponseException {

    /** Where every problem type of the service lives; a type is this plus its slug. */
    public static final String TYPE_BASE = "https://bms.example/problems/";

    protected ProblemException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    protected ProblemException(HttpStatus status, String slug, String title, String detail, Throwable cause) {
        super(status, problem(status, slug, title, detail), cause);
    }

    /** The problem's detail: what a person reads, and what the logs say. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** Asks the client to come back after {@code seconds}. */
    protected final void retryAfter(long seconds) {
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }
}
