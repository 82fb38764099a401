package com.ytrader.positionmanager.exchange;

/**
 * Bybit refused the request and asking again would not help: a key, signature or permission refusal
 * ({@code retCode} 10003, 10004, 10005), a timestamp outside the receive window (10002), a bad parameter, or an
 * HTTP 4xx without a {@code retCode}. Not retried.
 */
public final class BybitRefusedException extends BybitException {

    private final Integer retCode;
    private final String retMsg;

    BybitRefusedException(String request, int httpStatus, Integer retCode, String retMsg) {
        super("Bybit refused " + request + ": "
                + (retCode == null ? "HTTP " + httpStatus : "retCode " + retCode) + ", retMsg \"" + retMsg + "\"");
        this.retCode = retCode;
        this.retMsg = retMsg;
    }

    /** {@code null} when the refusal was an HTTP status without a Bybit body. */
    public Integer retCode() {
        return retCode;
    }

    public String retMsg() {
        return retMsg;
    }
}
