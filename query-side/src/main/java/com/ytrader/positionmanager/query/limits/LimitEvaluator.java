package com.ytrader.positionmanager.query.limits;

import com.ytrader.positionmanager.events.Bounds;
import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Publishes {@code limit_exceeded} and {@code limit_cleared} (README, "Limits and limit events") from a streaming
 * processor of its own with one segment: the segment's claim in {@code token_entry} makes one instance at a time the
 * evaluator, however many query-side instances run. Its state ({@link LimitStateRepository}) and its token are written
 * in one transaction, after the broker has confirmed the batch's crossings: a crossing is published once, or again
 * with the same message id when a batch is retried. It is not among the processors a read-model replay resets, and if
 * it is reset itself, its replay rebuilds the state without publishing.
 */
@Component
@ProcessingGroup(LimitEvaluator.PROCESSING_GROUP)
public class LimitEvaluator {

    public static final String PROCESSING_GROUP = "limit-events";

    private static final Logger log = LoggerFactory.getLogger(LimitEvaluator.class);

    private final LimitStateRepository repository;
    private final BatchBuffer<LimitState> batches;

    LimitEvaluator(LimitRules rules, LimitStateRepository repository, LimitMetrics metrics, RabbitTemplate rabbit,
                   @Value("${position-manager.integration-events.confirm-timeout}") Duration confirmTimeout) {
        this.repository = repository;
        ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
        this.batches = new BatchBuffer<>(LimitEvaluator.class.getName(), () -> repository.load(rules), state -> {
            repository.save(state);
            if (!state.crossings().isEmpty()) {
                publisher.publish((operations, channel) -> {
                    for (LimitState.Crossing crossing : state.crossings()) {
                        operations.convertAndSend("", LimitEvent.QUEUE, crossing.event(), message -> {
                            message.getMessageProperties().setMessageId(crossing.messageId());
                            return message;
                        });
                    }
                });
                state.crossings().forEach(crossing -> metrics.published(crossing.event()));
            }
        });
    }

    /** Every event that carries a position's figures: they are what its limits are measured on from now on. */
    @EventHandler
    void on(PositionEvent event, EventMessage<?> message, @MetaDataValue(EventMetadata.TRACE_ID) String traceId,
            ReplayStatus replayStatus) {
        if (event instanceof CarriesPositionFigures carrier) {
            PositionFigures figures = carrier.position();
            FeatureInputs inputs = new FeatureInputs(figures.size(), figures.currentPrice(), figures.unrealizedPnl(),
                    figures.entryNotional(), null);
            if (!storable(inputs)) {
                // the read models park such an event (UnstorableEventGuard): the position's limits stay as they were,
                // rather than the evaluator failing on it for ever
                log.warn("Limits not judged on event {} of {}: its figures do not fit NUMERIC(38,18)",
                        message.getIdentifier(), event.positionId());
                return;
            }
            batches.current().apply(event.positionId(),
                    LimitState.Tracked.of(event.asset(), event.mode(), inputs),
                    new LimitState.Cause(message.getIdentifier(), traceId, message.getTimestamp(),
                            replayStatus.isReplay()));
        }
    }

    private static boolean storable(FeatureInputs inputs) {
        return Stream.of(inputs.size(), inputs.currentPrice(), inputs.unrealizedPnl(), inputs.entryNotional())
                .allMatch(value -> value == null || Bounds.fitsNumericColumn(value));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
