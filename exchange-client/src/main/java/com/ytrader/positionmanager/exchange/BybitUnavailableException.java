package com.ytrader.positionmanager.exchange;

/**
 * Bybit did not answer usefully within the configured attempts: HTTP 5xx, its IP rate limit (HTTP 403/429), its
 * request rate limit ({@code retCode} 10006), a timeout or a connection error, every time; or the client-side
 * rate limit gave no permit in time.
 */
public final class BybitUnavailableException extends BybitException {

    private final int attempts;

    BybitUnavailableException(String request, int attempts, String lastFailure, Throwable cause) {
        super("Bybit exchange unavailable: " + request + " failed after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + ", last: " + lastFailure, cause);
        this.attempts = attempts;
    }

    /** Requests sent; 0 when the client-side rate limit let none go. */
    public int attempts() {
        return attempts;
    }
}
