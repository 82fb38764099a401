package com.ytrader.positionmanager.exchange;

/**
 * Bybit answered with a body this client cannot read (not JSON, no {@code result.list}, a bad number or time).
 * Not retried: the same request would most likely get the same body.
 */
public final class BybitMalformedResponseException extends BybitException {

    BybitMalformedResponseException(String message) {
        super(message);
    }

    BybitMalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
