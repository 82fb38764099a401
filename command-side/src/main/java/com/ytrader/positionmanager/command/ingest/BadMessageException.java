package com.ytrader.positionmanager.command.ingest;

/** An inbound message that can never be applied, whatever is retried: it goes to the dead-letter queue. */
public class BadMessageException extends RuntimeException {

    public BadMessageException(String reason) {
        super(reason);
    }

    public BadMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
