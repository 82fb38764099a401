package com.ytrader.positionmanager.query.training;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A line of ASCII text built in place, reused from one answer to the next: the training batch writes a million of
 * them, so values go in as the REST API's JSON writes them (decimals as {@code stripTrailingZeros().toPlainString()},
 * instants as ISO-8601 like Jackson's {@code InstantSerializer}), without intermediate strings or Jackson.
 * Everything appended is ASCII (validated assets, mode wire names, UUIDs, numbers and instants) except JSON strings
 * of free text (a fee's currency), which go in as Jackson's own encoder quotes them in UTF-8.
 */
final class TextLine {

    /** 10^0 to 10^18: the scales whose fraction fits a long. */
    private static final long[] TEN_POWERS = new long[19];
    private static final BigInteger[] BIG_TEN_POWERS = new BigInteger[TEN_POWERS.length];

    static {
        for (int i = 0; i < TEN_POWERS.length; i++) {
            TEN_POWERS[i] = i == 0 ? 1 : TEN_POWERS[i - 1] * 10;
            BIG_TEN_POWERS[i] = BigInteger.valueOf(TEN_POWERS[i]);
        }
    }

    /** 9999-12-31T23:59:59Z: up to there every year has four digits and no sign. */
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    private byte[] bytes = new byte[1024];
    private int length;

    TextLine clear() {
        length = 0;
        return this;
    }

    int length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    TextLine ascii(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    TextLine ascii(String text) {
        int end = text.length();
        ensure(end);
        for (int i = 0; i < end; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** {@code text} inside a JSON string's quotes (without them), escaped and UTF-8 encoded as Jackson writes it. */
    TextLine jsonString(String text) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        ensure(quoted.length);
        System.arraycopy(quoted, 0, bytes, length, quoted.length);
        length += quoted.length;
        return this;
    }

    /** {@code cell}'s text as one CSV field (RFC 4180): in double quotes, a quote inside it doubled. */
    TextLine csvQuoted(TextLine cell) {
        ascii('"');
        for (int i = 0; i < cell.length; i++) {
            byte b = cell.bytes[i];
            ensure(2);
            bytes[length++] = b;
            if (b == '"') {
                bytes[length++] = b;
            }
        }
        return ascii('"');
    }

    TextLine number(long value) {
        if (value < 0) {
            // Long.MIN_VALUE has no positive counterpart
            return ascii(Long.toString(value));
        }
        int digits = digitCount(value);
        ensure(digits);
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        return this;
    }

    private static int digitCount(long positive) {
        int digits = 1;
        for (long rest = positive / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    /**
     * The text of {@code value.stripTrailingZeros().toPlainString()}. What a NUMERIC(38,18) column gives has an
     * unscaled value beyond a long, which stripTrailingZeros divides by ten once per zero and toPlainString turns
     * into text by long division: here one division splits it into two longs, whole part and fraction.
     */
    TextLine decimal(BigDecimal value) {
        int scale = value.scale();
        if (scale <= 0 || scale >= TEN_POWERS.length) {
            return ascii(value.stripTrailingZeros().toPlainString());
        }
        BigInteger unscaled = value.unscaledValue();
        long whole;
        long fraction;
        if (unscaled.bitLength() < 63) {
            whole = unscaled.longValue() / TEN_POWERS[scale];
            fraction = unscaled.longValue() % TEN_POWERS[scale];
        } else {
            BigInteger[] parts = unscaled.divideAndRemainder(BIG_TEN_POWERS[scale]);
            if (parts[0].bitLength() >= 63) {
                return ascii(value.stripTrailingZeros().toPlainString());
            }
            whole = parts[0].longValue();
            fraction = parts[1].longValue();
        }
        // both parts carry the sign (the division truncates), and -0.5 has a whole part of 0
        if (value.signum() < 0) {
            ascii('-');
            whole = -whole;
            fraction = -fraction;
        }
        number(whole);
        if (fraction != 0) {
            int digits = scale;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            ascii('.');
            for (int zeros = digits - digitCount(fraction); zeros > 0; zeros--) {
                ascii('0');
            }
            number(fraction);
        }
        return this;
    }

    /** The text of {@code DateTimeFormatter.ISO_INSTANT}: fractions in groups of three digits, none when whole. */
    TextLine instant(Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FOUR_DIGIT_SECOND) {
            return ascii(value.toString());
        }
        LocalDate date = LocalDate.ofEpochDay(seconds / 86_400);
        int secondOfDay = (int) (seconds % 86_400);
        fixed(date.getYear(), 4).ascii('-').fixed(date.getMonthValue(), 2).ascii('-').fixed(date.getDayOfMonth(), 2)
                .ascii('T').fixed(secondOfDay / 3600, 2).ascii(':').fixed(secondOfDay / 60 % 60, 2).ascii(':')
                .fixed(secondOfDay % 60, 2);
        int nanos = value.getNano();
        if (nanos > 0) {
            ascii('.');
            if (nanos % 1_000_000 == 0) {
                fixed(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                fixed(nanos / 1000, 6);
            } else {
                fixed(nanos, 9);
            }
        }
        return ascii('Z');
    }

    /** {@code value} in exactly {@code digits} digits, zero-padded. */
    private TextLine fixed(int value, int digits) {
        ensure(digits);
        for (int at = length + digits - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
