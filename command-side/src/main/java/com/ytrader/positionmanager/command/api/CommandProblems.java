package com.ytrader.positionmanager.command.api;

import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command endpoints' errors as RFC 9457 problem+json. */
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

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", exception.parameter());
        return problem;
    }
}
