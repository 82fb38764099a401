package com.ytrader.positionmanager.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every instant the store writes is read back exactly; what the fast reader does not know goes to jsr310's. */
class StoredInstantsTest {

    private final ObjectMapper stored =
            ((JacksonSerializer) new EventStoreSchemaConfiguration().serializer()).getObjectMapper();

    @Test
    void instants_are_read_back_exactly_as_written_at_every_precision() throws Exception {
        Random random = new Random(11);
        ChronoUnit[] precisions = {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS};
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000))
                    .truncatedTo(precisions[i % precisions.length]);
            String json = stored.writeValueAsString(instant);

            assertThat(stored.readValue(json, Instant.class)).as(json).isEqualTo(instant);
            assertThat(UtcInstants.parse(instant.toString())).as(json).isEqualTo(instant);
        }
    }

    @Test
    void other_forms_of_an_instant_are_read_as_jsr310_reads_them() throws Exception {
        for (String text : new String[]{"2026-11-22T10:00:00+02:00", "+10000-01-01T00:00:00Z",
                "2026-06-30T23:59:60Z"}) {
            assertThat(UtcInstants.parse(text)).as(text).isNull();
            assertThat(stored.readValue('"' + text + '"', Instant.class)).as(text)
                    .isEqualTo(new ObjectMapper().findAndRegisterModules().readValue('"' + text + '"', Instant.class));
        }
        assertThat(stored.readValue("1700000000.5", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000, 500_000_000));
    }

    @Test
    void an_impossible_date_is_refused_as_jsr310_refuses_it() {
        assertThat(UtcInstants.parse("2026-02-30T00:00:00Z")).isNull();
        assertThatThrownBy(() -> stored.readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
                .hasMessageContaining("2026-02-30T00:00:00Z");
    }
}
