package com.ytrader.positionmanager.exchange;

/** A call to Bybit that did not give an answer. Messages never carry the credentials. */
public abstract sealed class BybitException extends RuntimeException
        permits BybitRefusedException, BybitUnavailableException, BybitMalformedResponseException,
        BybitCredentialsMissingException {

    BybitException(String message) {
        super(message);
    }

    BybitException(String message, Throwable cause) {
        super(message, cause);
    }
}
