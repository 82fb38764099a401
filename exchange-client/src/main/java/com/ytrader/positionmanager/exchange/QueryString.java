package com.ytrader.positionmanager.exchange;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * A query string built once, so that the bytes signed are the bytes sent. Values are percent-encoded except
 * for escapes already in them: Bybit hands out its page cursors percent-encoded ({@code 1234%3A0%2C1234%3A0})
 * and expects them back as they came.
 */
final class QueryString {

    private final StringJoiner parameters = new StringJoiner("&");

    QueryString add(String name, Object value) {
        if (value != null) {
            parameters.add(name + "=" + encode(value.toString()));
        }
        return this;
    }

    @Override
    public String toString() {
        return parameters.toString();
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (isUnreserved(b) || (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]))) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
