package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.core.Message;

import java.io.IOException;

/** Reads the body of an inbound message as one JSON object, refusing oversized and malformed bodies. */
final class InboundJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private InboundJson() {
    }

    static JsonFields read(Message message, int maxBodyBytes, String context) {
        byte[] body = message.getBody();
        if (body == null || body.length == 0) {
            throw new BadMessageException("empty body");
        }
        if (body.length > maxBodyBytes) {
            throw new BadMessageException("body of %d bytes exceeds the limit of %d bytes"
                    .formatted(body.length, maxBodyBytes));
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadMessageException("unreadable body: " + e.getMessage());
        }
        return JsonFields.of(tree, context);
    }
}
