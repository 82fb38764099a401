package com.ytrader.positionmanager.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}, where Tomcat forwards a {@code sendError} or an exception that
 * left every handler) as problem+json, in place of Spring Boot's own JSON. Asked for directly it is no error: 404.
 * Not part of the API's contract: every operation documents its own errors.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    /** Whatever the request accepts: an error page answers in one format. */
    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String detail = code == null ? "No resource here."
                : status.is5xxServerError() ? "The request failed inside the service; its log has the reason."
                : describe(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, detail, originalRequest(request)));
    }

    private static String describe(HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return message == null || message.toString().isBlank() ? "The request was refused."
                : RejectedInput.abbreviate(message.toString());
    }

    /** The problem is about the request that failed, not about the forward to this page. */
    private static HttpServletRequest originalRequest(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return uri.toString();
            }
        };
    }
}
