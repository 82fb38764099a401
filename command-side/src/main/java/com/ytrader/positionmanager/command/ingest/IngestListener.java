package com.ytrader.positionmanager.command.ingest;

import com.rabbitmq.client.Channel;
import com.ytrader.positionmanager.command.position.FillEventIdentifiers;
import com.ytrader.positionmanager.command.position.InvalidPositionCommandException;
import com.ytrader.positionmanager.command.position.PositionCommandChecks;
import com.ytrader.positionmanager.events.EventMetadata;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes one inbound queue a batch of deliveries at a time and acknowledges the batch only after its events
 * are committed and its bad messages are confirmed in the dead-letter queue.
 *
 * <p>Each message's outcome stays its own: a message that cannot be read, or whose commands break the position's
 * rules, is rejected before the batch; the batch is first tried as one transaction; if that fails, its
 * messages are applied one by one, each in its own transaction, so that a message the position rejects is
 * dead-lettered alone. Any other failure (database down or restarting, a concurrent writer) is transient: the
 * message is retried in place with back-off, holding the queue, until it commits. Nothing is acknowledged
 * before then, so a crash at any point redelivers, and redelivered fills are recognised by their fill id.
 */
final class IngestListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(IngestListener.class);

    private final String queue;
    private final MessageTranslator translator;
    private final CommandBatch batch;
    private final DeadLetterPublisher deadLetters;
    private final IngestMetrics metrics;
    private final Backoff backoff;

    IngestListener(String queue, MessageTranslator translator, CommandBatch batch, DeadLetterPublisher deadLetters,
                   IngestMetrics metrics, Backoff backoff) {
        this.queue = queue;
        this.translator = translator;
        this.batch = batch;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.backoff = backoff;
    }

    /** One delivery: its commands, or why it was rejected, and then its outcome. */
    private static final class Delivery {
        final Message message;
        List<CommandMessage<?>> commands;
        String rejection;
        IngestOutcome outcome;

        Delivery(Message message) {
            this.message = message;
        }
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        Timer.Sample started = metrics.startBatch();
        List<Delivery> deliveries = messages.stream().map(Delivery::new).toList();
        List<Delivery> applicable = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            try {
                delivery.commands = translator.translate(delivery.message);
                delivery.commands.forEach(command -> PositionCommandChecks.check(command.getPayload()));
                applicable.add(delivery);
            } catch (BadMessageException | InvalidPositionCommandException e) {
                reject(delivery, e.getMessage());
            } catch (RuntimeException e) {
                // reading a message does no I/O: whatever fails here fails again on every redelivery
                reject(delivery, "unreadable: " + e);
            }
        }
        applyAll(applicable);
        publishDeadLetters(deliveries);
        acknowledge(channel, messages.get(messages.size() - 1));
        metrics.batchAcknowledged(queue, started);
        deliveries.forEach(delivery -> metrics.count(queue, delivery.outcome));
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        onMessageBatch(List.of(message), channel);
    }

    private void applyAll(List<Delivery> applicable) {
        if (applicable.isEmpty()) {
            return;
        }
        try {
            List<List<Object>> results = batch.applyInOneTransaction(
                    applicable.stream().map(delivery -> delivery.commands).toList());
            for (int i = 0; i < applicable.size(); i++) {
                applicable.get(i).outcome = IngestOutcome.of(results.get(i));
            }
        } catch (RuntimeException | AssertionError e) {
            metrics.batchRetried(queue);
            if (applicable.size() > 1) {
                log.debug("Batch of {} from {} failed ({}); applying its messages one by one",
                        applicable.size(), queue, e.toString());
            }
            applicable.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Delivery delivery) {
        for (int attempt = 0; ; attempt++) {
            try {
                delivery.outcome = IngestOutcome.of(batch.applyInOneTransaction(List.of(delivery.commands)).get(0));
                if (attempt > 0) {
                    log.info("Applied a message from {} after {} failed attempts", queue, attempt);
                }
                return;
            } catch (RuntimeException | AssertionError e) {
                // AssertionError: with assertions on (tests), the PostgreSQL driver asserts on a connection that
                // died mid-statement; it must not reach the container, which ends the JVM on an Error
                if (FillEventIdentifiers.isRecordedExecution(e)) {
                    // a redelivery older than the position's memory of fill ids: the event store knows it
                    delivery.outcome = IngestOutcome.DUPLICATE;
                    return;
                }
                InvalidPositionCommandException invalid = invalidCommand(e);
                if (invalid != null) {
                    reject(delivery, invalid.getMessage());
                    return;
                }
                // abbreviated: a refused append quotes the whole statement, events in hexadecimal included
                log.warn("Transient failure applying a message from {} (attempt {}), retrying: {}",
                        queue, attempt + 1, Abbreviation.reason(e.toString()));
                metrics.messageRetried(queue);
                backoff.pause(attempt);
            }
        }
    }

    private void reject(Delivery delivery, String reason) {
        delivery.rejection = Abbreviation.reason(reason);
        delivery.outcome = IngestOutcome.DEAD_LETTERED;
        String traceId = delivery.commands == null || delivery.commands.isEmpty() ? null
                : String.valueOf(delivery.commands.get(0).getMetaData().get(EventMetadata.TRACE_ID));
        try (MDC.MDCCloseable ignored = MDC.putCloseable(EventMetadata.TRACE_ID, traceId)) {
            log.warn("Dead-lettering message {} from {}: {}",
                    delivery.message.getMessageProperties().getMessageId(), queue, delivery.rejection);
        }
    }

    private void publishDeadLetters(List<Delivery> deliveries) {
        List<DeadLetterPublisher.Rejected> rejected = deliveries.stream()
                .filter(delivery -> delivery.rejection != null)
                .map(delivery -> new DeadLetterPublisher.Rejected(delivery.message, delivery.rejection))
                .toList();
        // the publisher falls back to minimal dead letters itself: a failure there means the broker is unreachable
        deadLetters.publishUntilConfirmed(queue, rejected, backoff);
    }

    private static void acknowledge(Channel channel, Message last) {
        try {
            channel.basicAck(last.getMessageProperties().getDeliveryTag(), true);
        } catch (IOException e) {
            // the channel is gone: the broker redelivers the batch, and redelivered fills are duplicates
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidPositionCommandException invalidCommand(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPositionCommandException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
