package com.ytrader.positionmanager.query.integration;

import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.ExchangeReportApplied;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FundingApplied;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.UpdateSource;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.portfolio.PortfolioMetrics;
import com.ytrader.positionmanager.query.portfolio.PortfolioMetricsCache;
import com.ytrader.positionmanager.query.position.PositionIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Publishes {@code position_updated} and {@code portfolio_updated} for every change of a position, from a
 * streaming processor of its own: its token in PostgreSQL makes publication at-least-once (consumers dedupe on
 * the message id, the event's id), and a broker outage stalls only this group, never the read models.
 *
 * <p>The position's figures come from the event itself. Portfolio figures (and {@code position_size_norm}) come
 * from the portfolio read model, which another processor maintains: they are as of its last commit.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-events";

    private final RabbitTemplate rabbit;
    private final PortfolioMetricsCache portfolio;
    private final Duration confirmTimeout;

    public IntegrationEventPublisher(RabbitTemplate rabbit, PortfolioMetricsCache portfolio,
                                     @Value("${position-manager.integration-events.confirm-timeout}")
                                     Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.portfolio = portfolio;
        this.confirmTimeout = confirmTimeout;
    }

    @EventHandler
    void on(FillApplied event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.SOURCE) String source, @MetaDataValue(EventMetadata.TRACE_ID) String traceId) {
        publish(event.positionId(), event.asset(), event.mode(), event.position(), message,
                source != null ? source : UpdateSource.ORDER_EXECUTION.wireName(), traceId);
    }

    @EventHandler
    void on(FundingApplied event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.SOURCE) String source, @MetaDataValue(EventMetadata.TRACE_ID) String traceId) {
        publish(event.positionId(), event.asset(), event.mode(), event.position(), message,
                source != null ? source : UpdateSource.ORDER_EXECUTION.wireName(), traceId);
    }

    @EventHandler
    void on(ExchangeReportApplied event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.SOURCE) String source, @MetaDataValue(EventMetadata.TRACE_ID) String traceId) {
        publish(event.positionId(), event.asset(), event.mode(), event.position(), message,
                source != null ? source : UpdateSource.WEBSOCKET.wireName(), traceId);
    }

    @EventHandler
    void on(PositionCorrected event, EventMessage<?> message,
            @MetaDataValue(EventMetadata.SOURCE) String source, @MetaDataValue(EventMetadata.TRACE_ID) String traceId) {
        publish(event.positionId(), event.asset(), event.mode(), event.position(), message,
                source != null ? source : UpdateSource.VALIDATION.wireName(), traceId);
    }

    private void publish(String positionKey, String asset, PositionMode mode, PositionFigures figures,
                         EventMessage<?> message, String source, String traceId) {
        PortfolioMetrics metrics = portfolio.current();
        Instant at = message.getTimestamp();
        MlFeatures features = MlFeatures.of(new FeatureInputs(figures.size(), figures.currentPrice(),
                        figures.unrealizedPnl(), figures.entryNotional(), figures.flat() ? null
                        : figures.lifecycle().openedAt()), metrics.totalExposure(), Instant.now());
        PositionUpdated positionUpdated = new PositionUpdated("position_updated", PositionIds.of(positionKey), asset,
                figures.size(), figures.unrealizedPnl(), figures.realizedPnl(), mode, features.unrealizedPnlPct(),
                features.timeHeldMinutes(), features.positionSizeNorm(), source, traceId, at);
        PortfolioUpdated portfolioUpdated = new PortfolioUpdated("portfolio_updated", metrics.totalExposure(),
                metrics.totalUnrealizedPnl(), metrics.totalRealizedPnl(), metrics.openPositionsCount(), traceId, at);
        String eventId = message.getIdentifier();
        rabbit.invoke(channel -> {
            channel.convertAndSend("", PositionUpdated.QUEUE, positionUpdated, withId(eventId + ":position_updated"));
            channel.convertAndSend("", PortfolioUpdated.QUEUE, portfolioUpdated,
                    withId(eventId + ":portfolio_updated"));
            channel.waitForConfirmsOrDie(confirmTimeout.toMillis());
            return null;
        });
    }

    private static MessagePostProcessor withId(String messageId) {
        return amqpMessage -> {
            amqpMessage.getMessageProperties().setMessageId(messageId);
            return amqpMessage;
        };
    }
}
