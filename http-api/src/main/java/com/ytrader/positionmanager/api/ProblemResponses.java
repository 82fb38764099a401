package com.ytrader.positionmanager.api;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Locale;
import java.util.stream.Collectors;

/** Every error of the REST API as RFC 9457 problem+json; a bad parameter is named in {@code parameter}. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String PARAMETER = "parameter";
    /** Seconds a caller should wait before asking again while the database cannot be reached. */
    static final String DATABASE_RETRY_AFTER = "5";

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty(PARAMETER, exception.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(ApiRoles.ForbiddenException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    /**
     * The database cannot be reached (no connection within the pool's connection timeout, or one broken under
     * the query): the caller may retry, the request itself was fine.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessResourceFailureException exception) {
        logger.warn("database unavailable: " + exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached; retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : exception.getPropertyName();
        Throwable cause = exception.getMostSpecificCause();
        // a converter's message may quote the value again (PositionMode's does): abbreviated like the value
        String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? RejectedInput.abbreviate(cause.getMessage()) : "expected " + typeName(exception.getRequiredType());
        String value = exception.getValue() == null ? "" : exception.getValue().toString();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid value '" + RejectedInput.abbreviate(value) + "' for " + name + ": " + reason);
        problem.setTitle("Invalid parameter");
        problem.setProperty(PARAMETER, name);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the header and quotes it abbreviated (Spring's own message quotes it whole). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        MediaType given = exception.getContentType();
        String supported = exception.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + RejectedInput.abbreviate(given == null ? exception.getMessage() : given.toString())
                        + "' is not supported" + (supported.isEmpty() ? "" : "; supported: " + supported));
        problem.setProperty(PARAMETER, HttpHeaders.CONTENT_TYPE);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /**
     * Every problem Spring's own handlers make is written as problem+json whatever the request accepts: an
     * unparseable or unmatchable {@code Accept} would otherwise leave a 406 with no body at all.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return super.createResponseEntity(body, problemHeaders, status, request);
    }

    private static String typeName(Class<?> type) {
        return type == null ? "another value" : "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
