package com.ytrader.positionmanager.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionOpened;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are stored with their revision, so that a later shape can be reached by an upcaster. */
class EventRevisionTest {

    private final Serializer serializer = new EventStoreSchemaConfiguration().serializer();

    @Test
    void events_are_stored_as_json_with_their_revision() {
        PositionOpened opened = new PositionOpened("BTCUSDT:one-way", "BTCUSDT", PositionMode.ONE_WAY, 3,
                Instant.parse("2026-11-21T10:00:00Z"),
                List.of(new LegFigures(0, new BigDecimal("0.5"), new BigDecimal("100"), BigDecimal.ZERO, BigDecimal.ZERO)));

        SerializedObject<byte[]> stored = serializer.serialize(opened, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .contains("\"mode\":\"one-way\"", "\"openedAt\":\"2026-11-21T10:00:00Z\"", "\"lifecycle\":3")
                .doesNotContain("occurredAt"); // derived, not stored
        PositionOpened readBack = serializer.deserialize(stored);
        assertThat(readBack).isEqualTo(opened);
    }

    @Test
    void a_position_opened_stored_before_it_carried_its_legs_reads_with_none() {
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                ("{\"positionId\":\"BTCUSDT:one-way\",\"asset\":\"BTCUSDT\",\"mode\":\"one-way\",\"lifecycle\":1,"
                        + "\"openedAt\":\"2026-11-21T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                byte[].class, PositionOpened.class.getName(), "1");

        PositionOpened readBack = serializer.deserialize(stored);

        assertThat(readBack.openLegs()).isEmpty();
        assertThat(readBack.lifecycle()).isEqualTo(1);
    }

    @Test
    void an_older_revision_is_upcast_to_the_current_shape_when_read() {
        // what revision 0 of PositionOpened would have looked like: no lifecycle number yet
        String revisionZero = """
                {"positionId":"BTCUSDT:one-way","asset":"BTCUSDT","mode":"one-way","openedAt":"2026-11-21T10:00:00Z"}""";
        SerializedType type = new SimpleSerializedType(PositionOpened.class.getName(), "0");
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Position", "BTCUSDT:one-way", 0,
                "event-1", Instant.parse("2026-11-21T10:00:00Z"), type.getName(), type.getRevision(),
                revisionZero.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        IntermediateEventRepresentation upcast = new FirstLifecycleUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst().orElseThrow();
        PositionOpened opened = serializer.deserialize(upcast.getData());

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        assertThat(opened.lifecycle()).isEqualTo(1);
        assertThat(opened.openedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    /** Revision 0 knew only one lifecycle per position: it becomes lifecycle 1 of revision 1. */
    private static final class FirstLifecycleUpcaster extends SingleEventUpcaster {

        private static final SerializedType REVISION_ZERO =
                new SimpleSerializedType(PositionOpened.class.getName(), "0");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_ZERO);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(PositionOpened.class.getName(), "1"), JsonNode.class,
                    json -> ((ObjectNode) json).put("lifecycle", 1));
        }
    }
}
