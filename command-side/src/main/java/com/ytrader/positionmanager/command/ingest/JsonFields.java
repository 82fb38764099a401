package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.events.Bounds;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Typed, strict access to the fields of one JSON object, and the one reader of every inbound field. Decimals are
 * read as {@link BigDecimal} from strings or numbers; for optional fields {@code null} and the empty string mean
 * absent; anything of the wrong type, and any value beyond {@link Bounds} (text longer than a read model column
 * holds, a decimal {@code NUMERIC(38,18)} cannot hold, an instant outside the documented range), is a
 * {@link BadMessageException} naming the field. Every field, including any added later, is bounded by being read
 * here.
 */
final class JsonFields {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("^-?\\d{1,19}$");
    private static final BigInteger EARLIEST_MILLIS = BigInteger.valueOf(Bounds.EARLIEST.toEpochMilli());
    private static final BigInteger LATEST_MILLIS = BigInteger.valueOf(Bounds.LATEST.toEpochMilli());

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
        String text = value.asText();
        String violation = Bounds.textViolation(text);
        if (violation != null) {
            throw new BadMessageException("%s.%s %s: '%s'".formatted(context, name, violation, Abbreviation.of(text)));
        }
        return text;
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
        // checked before any arithmetic: an exponent such as 1e999999999 would cost unbounded memory and time
        if (!Bounds.representable(decimal)) {
            throw new BadMessageException("%s.%s is out of range (at most %d integer and %d fraction digits): %s"
                    .formatted(context, name, Bounds.MAX_INTEGER_DIGITS, Bounds.MAX_FRACTION_DIGITS,
                            Abbreviation.of(value.asText())));
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

    /**
     * ISO-8601 with an offset ({@code 2026-11-21T10:00:00Z}) or epoch milliseconds, as a string or a number, within
     * {@link Bounds#EARLIEST} and {@link Bounds#LATEST}.
     */
    Instant optionalInstant(String name) {
        if (!present(name)) {
            return null;
        }
        JsonNode value = object.get(name);
        String text = value.asText().trim();
        if (value.isIntegralNumber() || (value.isTextual() && EPOCH_MILLIS.matcher(text).matches())) {
            BigInteger millis = new BigInteger(text);
            if (millis.compareTo(EARLIEST_MILLIS) < 0 || millis.compareTo(LATEST_MILLIS) > 0) {
                throw outOfTimeRange(name, text);
            }
            return Instant.ofEpochMilli(millis.longValueExact());
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a timestamp", value);
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeException e) {
            throw wrongType(name, "an ISO-8601 timestamp or epoch milliseconds", value);
        }
        if (!Bounds.withinTimeRange(instant)) {
            throw outOfTimeRange(name, text);
        }
        return instant;
    }

    private BadMessageException outOfTimeRange(String name, String text) {
        return new BadMessageException("%s.%s is outside %s: %s".formatted(context, name, Bounds.timeRange(),
                Abbreviation.of(text)));
    }

    private BadMessageException missing(String name) {
        return new BadMessageException("%s.%s is required".formatted(context, name));
    }

    private BadMessageException wrongType(String name, String expected, JsonNode value) {
        return new BadMessageException("%s.%s must be %s, was %s".formatted(context, name, expected,
                Abbreviation.of(value.toString())));
    }
}
