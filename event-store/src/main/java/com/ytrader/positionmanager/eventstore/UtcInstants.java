package com.ytrader.positionmanager.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in the form {@link Instant#toString()} writes them ({@code 2026-01-01T00:08:09.583Z}), read by their fixed
 * positions. The stored events and the training batch's requests hold millions of them, and
 * {@code DateTimeFormatter}-based parsing was a third of deserializing an event (JFR). Whatever is not exactly this
 * form is for the caller's general parser to decide.
 */
public final class UtcInstants {

    private static final int SHORTEST = "2026-01-01T00:00:00Z".length();

    private UtcInstants() {
    }

    /** The instant written as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}; null for any other text. */
    public static Instant parse(String text) {
        int length = text == null ? 0 : text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || length == SHORTEST + 1 || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > SHORTEST && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > SHORTEST ? digits(text, 20, length - 1) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        for (int scale = length > SHORTEST ? length - 1 - 20 : 9; scale < 9; scale++) {
            fraction *= 10;
        }
        try {
            return Instant.ofEpochSecond(LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.UTC), fraction);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}; -1 unless it is all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
