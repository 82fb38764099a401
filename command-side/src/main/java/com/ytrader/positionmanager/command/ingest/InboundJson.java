package com.ytrader.positionmanager.command.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the body of an inbound message as one JSON object, refusing oversized and malformed bodies and bodies
 * labelled as something else: a {@code content_type} that is not JSON ({@code application/json} or a
 * {@code +json} type, charset UTF-8 when one is named), or a {@code content_encoding} this service does not
 * decode ({@code gzip}, ...). Unlabelled messages are read as JSON; Spring AMQP reads a message without a
 * {@code content_type} as {@code application/octet-stream}, so that type counts as unlabelled.
 */
final class InboundJson {

    /** Encodings that leave the bytes as they are; Spring AMQP's converters write the charset here. */
    private static final Set<String> PLAIN_ENCODINGS = Set.of("identity", "utf-8", "utf8");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private InboundJson() {
    }

    static JsonFields read(Message message, int maxBodyBytes, String context) {
        checkLabels(message.getMessageProperties());
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

    private static boolean utf8(String charset) {
        try {
            return StandardCharsets.UTF_8.equals(Charset.forName(charset.replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkLabels(MessageProperties properties) {
        String encoding = properties.getContentEncoding();
        if (encoding != null && !encoding.isBlank()
                && !PLAIN_ENCODINGS.contains(encoding.trim().toLowerCase(Locale.ROOT))) {
            throw new BadMessageException("content_encoding '%s' is not decoded by this service (send plain JSON)"
                    .formatted(encoding));
        }
        String contentType = properties.getContentType();
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MimeType type;
        try {
            type = MimeTypeUtils.parseMimeType(contentType);
        } catch (InvalidMimeTypeException e) {
            throw new BadMessageException("content_type '%s' is not a media type".formatted(contentType));
        }
        if (MimeTypeUtils.APPLICATION_OCTET_STREAM.equalsTypeAndSubtype(type)) {
            return;
        }
        boolean json = MimeTypeUtils.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        if (!json) {
            throw new BadMessageException("content_type '%s' is not JSON (application/json)".formatted(contentType));
        }
        String charset = type.getParameter("charset");
        if (charset != null && !utf8(charset)) {
            throw new BadMessageException("content_type '%s' names a charset other than UTF-8".formatted(contentType));
        }
    }
}
