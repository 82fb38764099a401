package com.ytrader.positionmanager.query.integration;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.MarkPriceUpdated;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionEvent;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.UpdateSource;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.messaging.ConfirmedPublisher;
import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.portfolio.PortfolioMetricsCache;
import com.ytrader.positionmanager.query.portfolio.PortfolioTotals;
import com.ytrader.positionmanager.query.position.LiveRow;
import com.ytrader.positionmanager.query.position.PositionIds;
import com.ytrader.positionmanager.query.position.PositionRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes {@code position_updated} and {@code portfolio_updated} for every change of a position, and
 * {@code position_snapshot_created} for every snapshot taken, from a streaming processor of its own: its token in PostgreSQL makes publication at-least-once (consumers dedupe on
 * the message id, the event's id), and a broker outage stalls only this group, never the read models.
 *
 * <p>The position's figures come from the event itself. Portfolio figures (and {@code position_size_norm}) come
 * from the portfolio read model, which another processor maintains: they are as of its last commit.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-events";

    /**
     * The messages of one processor batch, published together with one wait for the broker's confirms when
     * the batch commits (a missing confirm fails the batch, which is retried from its token). The portfolio
     * is read once per batch: reading it per event would recompute it for every event of a busy stream.
     */
    private final BatchBuffer<Batch> batches;

    public IntegrationEventPublisher(RabbitTemplate rabbit, PortfolioMetricsCache portfolio,
                                     @Value("${position-manager.integration-events.confirm-timeout}")
                                     Duration confirmTimeout) {
        ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit, confirmTimeout);
        this.batches = new BatchBuffer<>(IntegrationEventPublisher.class.getName(),
                () -> new Batch(portfolio.current(), new ArrayList<>()),
                batch -> publisher.publish((operations, channel) -> {
                    for (Outgoing message : batch.messages()) {
                        operations.convertAndSend("", message.queue(), message.body(), withId(message.messageId()));
                    }
                }));
    }

    /** Every change of a position's figures, as the live row sees it, and every snapshot taken. */
    @EventHandler
    void on(PositionEvent event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.SOURCE) String source, @MetaDataValue(EventMetadata.TRACE_ID) String traceId) {
        if (event instanceof PositionSnapshotTaken taken) {
            snapshotCreated(taken, message, traceId);
        } else if (LiveRow.change(event) instanceof LiveRow.FiguresWritten written) {
            publish(event.positionId(), event.asset(), event.mode(), written.figures(), message,
                    source != null ? source : defaultSource(event), traceId);
        }
    }

    /**
     * Where a change came from when its metadata does not say: a mark price's own source ({@code websocket} or
     * {@code rest}), else the path that event type usually takes.
     */
    private static String defaultSource(PositionEvent event) {
        if (event instanceof MarkPriceUpdated price) {
            return price.source().wireName();
        }
        if (event instanceof ExchangeReportApplied) {
            return UpdateSource.WEBSOCKET.wireName();
        }
        if (event instanceof PositionCorrected) {
            return UpdateSource.VALIDATION.wireName();
        }
        return UpdateSource.ORDER_EXECUTION.wireName();
    }

    private void snapshotCreated(PositionSnapshotTaken event, EventMessage<?> message, String traceId) {
        Batch batch = batches.current();
        PositionRow p = row(event.positionId(), event.asset(), event.mode(), event.position(), message);
        MlFeatures features = MlFeatures.of(p.featureInputs(), batch.portfolio().totalExposure(), event.takenAt());
        batch.add(PositionSnapshotCreated.QUEUE, new PositionSnapshotCreated("position_snapshot_created",
                        PositionIds.snapshot(event.positionId(), event.snapshotId()), p.id(), p.asset(), p.mode(),
                        p.fields(), features.unrealizedPnlPct(), features.timeHeldMinutes(),
                        features.positionSizeNorm(), event.takenAt(), traceId, message.getTimestamp()),
                message.getIdentifier() + ":position_snapshot_created");
    }

    /** The figures mapped as the read model maps them, so that a message shows what the REST API shows. */
    private static PositionRow row(String positionKey, String asset, PositionMode mode, PositionFigures figures,
                                   EventMessage<?> message) {
        return PositionRow.of(positionKey, asset, mode, figures, ((DomainEventMessage<?>) message).getSequenceNumber(),
                null, message.getTimestamp(), null);
    }

    private void publish(String positionKey, String asset, PositionMode mode, PositionFigures figures,
                         EventMessage<?> message, String source, String traceId) {
        Batch batch = batches.current();
        Instant at = message.getTimestamp();
        PositionRow p = row(positionKey, asset, mode, figures, message);
        MlFeatures features = MlFeatures.of(p.featureInputs(), batch.portfolio().totalExposure(), Instant.now());
        PositionUpdated positionUpdated = new PositionUpdated("position_updated", p.id(), p.asset(), p.mode(),
                p.fields(), features.unrealizedPnlPct(), features.timeHeldMinutes(), features.positionSizeNorm(),
                source, traceId, at);
        PortfolioTotals metrics = batch.portfolio();
        PortfolioUpdated portfolioUpdated = new PortfolioUpdated("portfolio_updated", metrics.totalExposure(),
                metrics.totalUnrealizedPnl(), metrics.totalRealizedPnl(), metrics.openPositionsCount(), traceId, at);
        String eventId = message.getIdentifier();
        batch.add(PositionUpdated.QUEUE, positionUpdated, eventId + ":position_updated");
        batch.add(PortfolioUpdated.QUEUE, portfolioUpdated, eventId + ":portfolio_updated");
    }

    private record Outgoing(String queue, Object body, String messageId) {
    }

    private record Batch(PortfolioTotals portfolio, List<Outgoing> messages) {
        void add(String queue, Object body, String messageId) {
            messages.add(new Outgoing(queue, body, messageId));
        }
    }

    private static MessagePostProcessor withId(String messageId) {
        return amqpMessage -> {
            amqpMessage.getMessageProperties().setMessageId(messageId);
            return amqpMessage;
        };
    }
}
