package com.ytrader.positionmanager.exchange;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads the fields of one JSON object of a Bybit answer. Bybit sends numbers and epoch-millisecond times as
 * strings, and an empty string for a value it does not have; a value that is there but unreadable is a malformed
 * answer naming the field and the value.
 *
 * @param where the request and the object's place in the answer, for messages: {@code GET /v5/position/list list[3]}
 */
record ResponseFields(JsonNode node, String where) {

    /** Quoted values in messages are cut to this length: a body can be a whole HTML page. */
    static final int QUOTED_LENGTH = 200;

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw malformed(field, "is not a value", value.toString());
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String field) {
        String text = text(field);
        if (text == null) {
            throw new BybitMalformedResponseException(where + ": " + field + " is missing");
        }
        return text;
    }

    BigDecimal decimal(String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw malformed(field, "is not a decimal", text);
        }
    }

    Long integer(String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        String text = value != null && value.isNumber() ? value.toString() : text(field);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed(field, "is not an integer", text);
        }
    }

    int requiredInt(String field) {
        Long value = integer(field);
        if (value == null) {
            throw new BybitMalformedResponseException(where + ": " + field + " is missing");
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed(field, "is out of range", value.toString());
        }
        return value.intValue();
    }

    Instant epochMillis(String field) {
        try {
            Long millis = integer(field);
            return millis == null ? null : Instant.ofEpochMilli(millis);
        } catch (BybitMalformedResponseException e) {
            throw malformed(field, "is not a time in epoch milliseconds", String.valueOf(node.get(field).asText()));
        }
    }

    Instant requiredEpochMillis(String field) {
        Instant time = epochMillis(field);
        if (time == null) {
            throw new BybitMalformedResponseException(where + ": " + field + " is missing");
        }
        return time;
    }

    private BybitMalformedResponseException malformed(String field, String problem, String value) {
        return new BybitMalformedResponseException(where + ": " + field + " " + problem + ": \"" + abbreviate(value) + "\"");
    }

    static String abbreviate(String value) {
        return value.length() <= QUOTED_LENGTH ? value : value.substring(0, QUOTED_LENGTH) + "…";
    }
}
