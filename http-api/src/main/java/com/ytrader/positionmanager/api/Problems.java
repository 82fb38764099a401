package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * The bounds every problem+json answer keeps, whoever writes it (controllers, filters, the error page): its
 * {@code detail} is abbreviated and an {@code instance} longer than a quoted value is left out, so that no error
 * is much larger than a few hundred bytes whatever the request was.
 */
public final class Problems {

    /** Longest {@code detail}: room for a message and a quoted value of {@link RejectedInput#MAX_QUOTED}. */
    static final int MAX_DETAIL = 1000;
    /** What an abbreviation adds after the cut: {@code … (2147483647 characters)} at most. */
    private static final int ABBREVIATION_ROOM = 32;

    private Problems() {
    }

    /** A problem of this status about this request. */
    public static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(instance(request.getRequestURI()));
        return bounded(problem);
    }

    /** For filters, which answer before Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), bounded(problem));
    }

    static ProblemDetail bounded(ProblemDetail problem) {
        if (problem.getDetail() != null && problem.getDetail().length() > MAX_DETAIL) {
            problem.setDetail(RejectedInput.abbreviate(problem.getDetail(), MAX_DETAIL - ABBREVIATION_ROOM));
        }
        if (problem.getInstance() != null && problem.getInstance().toString().length() > RejectedInput.MAX_QUOTED) {
            problem.setInstance(null);
        }
        return problem;
    }

    private static URI instance(String path) {
        if (path == null || path.length() > RejectedInput.MAX_QUOTED) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notUri) {
            return null;
        }
    }
}
