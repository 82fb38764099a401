package com.ytrader.positionmanager.query.timeline;

import com.ytrader.positionmanager.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void a_timestamp_in_microseconds_is_the_parsed_instant_cut_to_microseconds_whatever_its_form() {
        List<String> texts = new ArrayList<>(List.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:00.1Z",
                "2026-01-01T00:00:00.123Z", "2026-01-01T00:00:00.1234567Z", "2026-01-01T00:00:00.999999999Z",
                "2024-02-29T23:59:59.000001Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "2026-01-01T01:00:00+01:00", "2026-01-01T00:00Z", "2026-01-01t00:00:00z", "1970-01-01T01:00:00+01:00",
                "2026-06-30T12:30:45.5-07:30", "2026-01-01T00:00:00.Z"));
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            texts.add(Instant.ofEpochSecond(random.nextLong(253_402_300_800L), random.nextInt(1_000_000_000))
                    .truncatedTo(random.nextBoolean() ? ChronoUnit.MILLIS : ChronoUnit.NANOS).toString());
        }
        for (String text : texts) {
            Instant parsed = Timestamps.required("t", text);
            assertThat(Timestamps.requiredMicros("t", text)).as(text)
                    .isEqualTo(parsed.toEpochMilli() * 1000 + parsed.getNano() / 1000 % 1000);
        }
    }

    @Test
    void an_impossible_or_malformed_timestamp_is_rejected_naming_the_field() {
        for (String text : new String[]{"2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-13-01T00:00:00Z", "2026-01-01T00:00:00",
                "2026-01-01T00:00:00.1234567890Z", "2026-01-01 00:00:00Z", "soon", " ",
                "2026-0a-01T00:00:00Z"}) {
            assertThatThrownBy(() -> Timestamps.requiredMicros("rows[3].timestamp", text)).as(text)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasFieldOrPropertyWithValue("parameter", "rows[3].timestamp");
        }
    }

    @Test
    void an_instant_outside_the_years_1970_to_9999_is_rejected_naming_the_field() {
        for (String text : new String[]{"1969-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:59:59-01:00", "1970-01-01T00:00:00+00:01"}) {
            assertThatThrownBy(() -> Timestamps.requiredMicros("rows[3].timestamp", text)).as(text)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasFieldOrPropertyWithValue("parameter", "rows[3].timestamp")
                    .hasMessageContaining("years 1970 to 9999");
            assertThatThrownBy(() -> Timestamps.parse("known_at", text)).as(text)
                    .isInstanceOf(InvalidParameterException.class)
                    .hasFieldOrPropertyWithValue("parameter", "known_at");
        }
    }

    @Test
    void a_huge_malformed_timestamp_is_quoted_abbreviated() {
        String text = "2".repeat(5_000_000);

        assertThatThrownBy(() -> Timestamps.required("timestamp", text))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("(5000000 characters)"));
    }
}
