package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Typed, strict access to the fields of one JSON object. Decimals are read as {@link BigDecimal} from strings
 * or numbers; for optional fields {@code null} and the empty string mean absent; anything of the wrong type is
 * a {@link BadMessageException} naming the field.
 */
final class JsonFields {

    /**
     * Wire numbers beyond these are rejected before any arithmetic: an exponent such as {@code 1e999999999}
     * would otherwise cost unbounded memory and time. Amounts within them are still checked by the position.
     */
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_FRACTION_DIGITS = 18;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("^\\d{1,15}$");

    private final JsonNode object;
    private final String context;

    private JsonFields(JsonNode object, String context) {
        this.object = object;
        this.context = context;
    }

    static JsonFields of(JsonNode node, String context) {
        if (node == null || !node.isObject()) {
            throw new BadMessageException(context + " must be a JSON object");
        }
        return new JsonFields(node, context);
    }

    JsonNode node(String name) {
        return object.get(name);
    }

    boolean present(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    String requiredText(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    String optionalText(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.asText();
    }

    BigDecimal requiredDecimal(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    BigDecimal optionalDecimal(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        BigDecimal decimal;
        if (value.isNumber()) {
            decimal = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                decimal = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                throw wrongType(name, "a decimal number", value);
            }
        } else {
            throw wrongType(name, "a decimal number", value);
        }
        int integerDigits = decimal.precision() - decimal.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || decimal.scale() > MAX_FRACTION_DIGITS) {
            throw new BadMessageException("%s.%s is out of range: %s".formatted(context, name,
                    abbreviate(value.asText())));
        }
        return decimal;
    }

    Integer optionalInteger(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(name, "an integer", object.get(name));
        }
    }

    Long optionalLong(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value == null) {
            return null;
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(name, "an integer", object.get(name));
        }
    }

    /** ISO-8601 with an offset ({@code 2026-11-21T10:00:00Z}) or epoch milliseconds, as a string or a number. */
    Instant optionalInstant(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        String text = value.asText().trim();
        if (value.isIntegralNumber() || (value.isTextual() && EPOCH_MILLIS.matcher(text).matches())) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a timestamp", value);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw wrongType(name, "an ISO-8601 timestamp or epoch milliseconds", value);
        }
    }

    private BadMessageException missing(String name) {
        return new BadMessageException("%s.%s is required".formatted(context, name));
    }

    private BadMessageException wrongType(String name, String expected, JsonNode value) {
        return new BadMessageException("%s.%s must be %s, was %s".formatted(context, name, expected,
                abbreviate(value.toString())));
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
