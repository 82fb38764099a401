package com.ytrader.positionmanager.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Reads the instants stored events hold, which the store's mapper writes as {@link Instant#toString()} does, with
 * {@link UtcInstants} instead of jackson-datatype-jsr310's formatter-based reader, which took a third of the time of
 * deserializing an event during a replay (JFR). Any other form (offsets, leap seconds, years beyond 9999, numbers)
 * is left to that reader, with its errors.
 */
final class StoredInstantDeserializer extends StdScalarDeserializer<Instant> {

    StoredInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = UtcInstants.parse(parser.getText());
            if (instant != null) {
                return instant;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
