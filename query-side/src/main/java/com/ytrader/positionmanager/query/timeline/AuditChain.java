package com.ytrader.positionmanager.query.timeline;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evident chain of a position's events: each link is SHA-256 over the previous link and the event as the
 * event store holds it (payload and metadata as stored, not serialized again). The timeline projection and
 * {@code /history/verify} both use this class on events read from the store, so a link recomputed from the store
 * differs from the recorded one exactly when the stored event changed.
 */
@Component
public class AuditChain {

    private final Serializer serializer;

    /** The primary serializer is the event store's: the bytes hashed are those that are stored. */
    public AuditChain(Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * The stored form of the payload (JSON), also kept in the timeline: for an event read from the store, the bytes
     * as stored, not serialized again.
     */
    public byte[] payload(DomainEventMessage<?> event) {
        return event.serializePayload(serializer, byte[].class).getData();
    }

    /** The link of {@code event}, whose stored payload is {@code payload}, after {@code previousHash} (null first). */
    public String link(String previousHash, DomainEventMessage<?> event, byte[] payload) {
        MessageDigest sha = sha256();
        SerializedType type = serializer.typeForClass(event.getPayloadType());
        field(sha, previousHash == null ? "" : previousHash);
        field(sha, event.getAggregateIdentifier());
        field(sha, Long.toString(event.getSequenceNumber()));
        field(sha, event.getIdentifier());
        field(sha, type.getName());
        field(sha, type.getRevision() == null ? "" : type.getRevision());
        field(sha, event.getTimestamp().toString());
        field(sha, payload);
        field(sha, event.serializeMetaData(serializer, byte[].class).getData());
        return HexFormat.of().formatHex(sha.digest());
    }

    public String link(String previousHash, DomainEventMessage<?> event) {
        return link(previousHash, event, payload(event));
    }

    /** Length-prefixed, so that no two different sequences of fields hash the same bytes. */
    private static void field(MessageDigest sha, String value) {
        field(sha, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
