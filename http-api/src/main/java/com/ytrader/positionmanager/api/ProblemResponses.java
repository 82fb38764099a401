package com.ytrader.positionmanager.api;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Locale;

/** Every error of the REST API as RFC 9457 problem+json; a bad parameter is named in {@code parameter}. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String PARAMETER = "parameter";

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

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = exception instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName() : exception.getPropertyName();
        Throwable cause = exception.getMostSpecificCause();
        String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : "expected " + typeName(exception.getRequiredType());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid value '" + exception.getValue() + "' for " + name + ": " + reason);
        problem.setTitle("Invalid parameter");
        problem.setProperty(PARAMETER, name);
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String typeName(Class<?> type) {
        return type == null ? "another value" : "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
