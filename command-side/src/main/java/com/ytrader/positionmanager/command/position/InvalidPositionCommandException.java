package com.ytrader.positionmanager.command.position;

/** A command the position cannot accept; nothing was recorded. Retrying it cannot succeed. */
public class InvalidPositionCommandException extends IllegalArgumentException {

    public InvalidPositionCommandException(String message) {
        super(message);
    }
}
