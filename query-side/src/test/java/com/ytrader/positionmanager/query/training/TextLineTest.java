package com.ytrader.positionmanager.query.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextLineTest {

    @Test
    void decimals_are_written_as_the_api_writes_them_stripped_of_trailing_zeros_never_in_exponent_form() {
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("0E-18"), new BigDecimal("0"),
                new BigDecimal("100.000000000000000000"), new BigDecimal("1E+3"), new BigDecimal("-0.500"),
                new BigDecimal("30.089000000000000000"), new BigDecimal("50520.394751265355120165"),
                new BigDecimal("-12345678901234567890.123456789012345678"), new BigDecimal("0.00000001"),
                new BigDecimal("7")));
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            values.add(new BigDecimal(new BigInteger(1 + random.nextInt(126), random), random.nextInt(20))
                    .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)));
        }
        for (BigDecimal value : values) {
            assertThat(text(new TextLine().decimal(value))).as("%s", value)
                    .isEqualTo(value.stripTrailingZeros().toPlainString());
        }
    }

    @Test
    void instants_are_written_as_iso_8601_with_fractions_in_groups_of_three_digits() {
        List<Instant> values = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.100Z"), Instant.parse("2026-01-01T00:00:00.000100Z"),
                Instant.parse("2026-01-01T00:00:00.000000100Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.500Z"), Instant.parse("0001-01-01T00:00:00Z")));
        Random random = new Random(13);
        for (int i = 0; i < 10_000; i++) {
            values.add(Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(4) == 0 ? 0
                    : random.nextInt(1_000_000) * (random.nextBoolean() ? 1000 : 1)));
        }
        for (Instant value : values) {
            assertThat(text(new TextLine().instant(value))).isEqualTo(value.toString());
        }
    }

    @Test
    void numbers_are_written_in_decimal() {
        for (long value : new long[]{0, 7, 10, 999, -1, -1234, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(text(new TextLine().number(value))).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void json_strings_are_escaped_and_utf_8_encoded_as_jackson_writes_them() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String value : List.of("BTC", "", "say \"hi\"", "back\\slash/", "tab\tnew\nline\r",
                "\u0000\u001f\u007f", "\u00dcn\u00efc\u00f6d\u00e9 \u20ac", "emoji \uD83D\uDE00")) {
            String quoted = json.writeValueAsString(value);
            assertThat(text(new TextLine().ascii('"').jsonString(value).ascii('"'))).as(value).isEqualTo(quoted);
        }
    }

    @Test
    void a_csv_field_is_quoted_with_its_quotes_doubled() {
        TextLine cell = new TextLine().ascii("{\"BTC\":\"1\",\"ETH\":\"2\"}");
        assertThat(text(new TextLine().ascii("a,").csvQuoted(cell)))
                .isEqualTo("a,\"{\"\"BTC\"\":\"\"1\"\",\"\"ETH\"\":\"\"2\"\"}\"");
    }

    private static String text(TextLine line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            line.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
