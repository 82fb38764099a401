package com.ytrader.positionmanager.command.api;

import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
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
}
