package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Republishes rejected messages to the dead-letter exchange with the reason in headers, and waits for the broker's
 * confirms before the originals are acknowledged. Done by the service rather than by RabbitMQ's
 * {@code x-dead-letter-exchange} so that it works on any AMQP 0-9-1 broker.
 *
 * <p>A dead letter must always fit, or it would hold its queue: it keeps the body and a bounded set of the
 * original's properties and headers (never its {@code expiration}: a dead letter must not vanish), and its reason
 * quotes values abbreviated (by the listener, which logs the same reason). Should the broker still refuse the batch,
 * each message is dead-lettered on its own, and one the broker refuses even so is sent as a minimal dead letter:
 * reason, message id, original queue, body.
 */
final class DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    static final String REASON = "x-death-reason";
    static final String ORIGINAL_QUEUE = "x-original-queue";
    static final String ORIGINAL_MESSAGE_ID = "x-original-message-id";
    static final String ORIGINAL_USER_ID = "x-original-user-id";
    static final String REJECTED_AT = "x-rejected-at";
    /** How many of the original's headers were left out of the dead letter, when any were. */
    static final String OMITTED_HEADERS = "x-omitted-headers";

    /** At most this many of the original's headers are copied ... */
    static final int MAX_COPIED_HEADERS = 32;
    /** ... each at most this large, and all together at most {@link #MAX_COPIED_HEADER_BYTES}. */
    static final int MAX_COPIED_HEADER_BYTES_EACH = 1_024;
    static final int MAX_COPIED_HEADER_BYTES = 8_192;

    private final ConfirmedPublisher publisher;
    private final String exchange;

    DeadLetterPublisher(ConfirmedPublisher publisher, String exchange) {
        this.publisher = publisher;
        this.exchange = exchange;
    }

    /** @param reason abbreviated ({@link Abbreviation#reason}) */
    record Rejected(Message message, String reason) {
    }

    /**
     * Dead-letters every rejected message, full where the broker takes it, else minimal.
     *
     * @throws RuntimeException only when even the minimal dead letters cannot be published (broker unreachable):
     *                          the originals must then stay unacknowledged
     */
    void publish(String queue, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        try {
            send(queue, rejected.stream().map(each -> full(queue, each, now)).toList());
            return;
        } catch (RuntimeException e) {
            log.warn("The broker refused {} dead letters from {} as a batch ({}); sending them one by one",
                    rejected.size(), queue, e.toString());
        }
        for (Rejected each : rejected) {
            try {
                send(queue, List.of(full(queue, each, now)));
            } catch (RuntimeException refused) {
                log.warn("The broker refused the dead letter of message {} from {} ({}); sending a minimal one",
                        each.message().getMessageProperties().getMessageId(), queue, refused.toString());
                send(queue, List.of(minimal(queue, each, now)));
            }
        }
    }

    /**
     * {@link #publish}, retried with back-off while the broker is unreachable: the caller's queue waits, since its
     * messages cannot be acknowledged before their dead letters are confirmed.
     */
    void publishUntilConfirmed(String queue, List<Rejected> rejected, Backoff backoff) {
        for (int attempt = 0; ; attempt++) {
            try {
                publish(queue, rejected);
                return;
            } catch (RuntimeException e) {
                log.warn("Cannot dead-letter {} messages from {} (attempt {}), retrying: {}",
                        rejected.size(), queue, attempt + 1, e.toString());
                backoff.pause(attempt);
            }
        }
    }

    private void send(String queue, List<Message> deadLetters) {
        publisher.publish((operations, channel) -> {
            for (Message deadLetter : deadLetters) {
                operations.send(exchange, queue, deadLetter);
            }
        });
    }

    private static Message full(String queue, Rejected rejected, String now) {
        MessageProperties original = rejected.message().getMessageProperties();
        MessageBuilderSupport<Message> deadLetter = MessageBuilder.withBody(rejected.message().getBody())
                .setContentType(original.getContentType())
                .setContentEncoding(original.getContentEncoding())
                .setCorrelationId(original.getCorrelationId())
                .setType(original.getType())
                .setAppId(original.getAppId())
                .setTimestamp(original.getTimestamp())
                .setPriority(original.getPriority());
        int copied = 0;
        int copiedBytes = 0;
        int omitted = 0;
        for (Map.Entry<String, Object> header : original.getHeaders().entrySet()) {
            int bytes = approximateBytes(header.getKey()) + approximateBytes(header.getValue());
            if (copied < MAX_COPIED_HEADERS && bytes <= MAX_COPIED_HEADER_BYTES_EACH
                    && copiedBytes + bytes <= MAX_COPIED_HEADER_BYTES) {
                deadLetter.setHeader(header.getKey(), header.getValue());
                copied++;
                copiedBytes += bytes;
            } else {
                omitted++;
            }
        }
        if (omitted > 0) {
            deadLetter.setHeader(OMITTED_HEADERS, omitted);
        }
        return withRejection(deadLetter, queue, rejected, now);
    }

    private static Message minimal(String queue, Rejected rejected, String now) {
        return withRejection(MessageBuilder.withBody(rejected.message().getBody()), queue, rejected, now);
    }

    /** What every dead letter carries; set last, so that no copied header can replace it. */
    private static Message withRejection(MessageBuilderSupport<Message> deadLetter, String queue, Rejected rejected,
                                         String now) {
        MessageProperties original = rejected.message().getMessageProperties();
        deadLetter.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(original.getMessageId())
                .setHeader(REASON, rejected.reason())
                .setHeader(ORIGINAL_QUEUE, queue)
                .setHeader(REJECTED_AT, now);
        if (original.getMessageId() != null) {
            deadLetter.setHeader(ORIGINAL_MESSAGE_ID, original.getMessageId());
        }
        // a header, not the user_id property: RabbitMQ refuses a user_id other than the publishing connection's
        if (original.getReceivedUserId() != null) {
            deadLetter.setHeader(ORIGINAL_USER_ID, original.getReceivedUserId());
        }
        return deadLetter.build();
    }

    private static int approximateBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        String text = String.valueOf(value);
        // UTF-8 takes at most three bytes per UTF-16 unit; counting exactly would cost an encoding per header
        return text.length() <= MAX_COPIED_HEADER_BYTES_EACH / 3 ? text.length() * 3
                : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
