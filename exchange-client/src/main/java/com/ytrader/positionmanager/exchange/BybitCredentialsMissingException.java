package com.ytrader.positionmanager.exchange;

/** A private call was asked of a client configured without an API key and secret; nothing was sent. */
public final class BybitCredentialsMissingException extends BybitException {

    BybitCredentialsMissingException(String request) {
        super("Bybit " + request + " needs an API key and secret: set POSITION_MANAGER_BYBIT_API_KEY and "
                + "POSITION_MANAGER_BYBIT_API_SECRET");
    }
}
