package com.ytrader.positionmanager.command.rest;

import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import com.ytrader.positionmanager.exchange.BybitException;
import com.ytrader.positionmanager.exchange.BybitUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What only commands can go wrong with, as RFC 9457 problem+json (the rest: http-api's ProblemResponses). */
@RestControllerAdvice(assignableTypes = PositionCommandsController.class)
class CommandProblems {

    @ExceptionHandler
    ProblemDetail unknownPosition(AggregateNotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no position " + exception.getAggregateIdentifier());
    }

    @ExceptionHandler
    ProblemDetail invalidCommand(InvalidPositionCommandException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, exception.getMessage());
    }

    /** The exchange did not answer (after its retries): the validation can be asked again later. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> exchangeUnavailable(BybitUnavailableException exception) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage()));
    }

    /** The exchange refused the call or answered nonsense: nothing was compared, nothing changed. */
    @ExceptionHandler
    ProblemDetail exchangeFailed(BybitException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, exception.getMessage());
    }
}
