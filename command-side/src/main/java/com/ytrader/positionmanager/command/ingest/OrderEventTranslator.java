package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.amqp.core.Message;

import java.util.List;

/**
 * {@code order-manager.order_events}: an executed order's state becomes the increment since its previous state
 * ({@link OrderEventsQuantity#CUMULATIVE}), or, for an order manager that sends per-execution figures, an
 * execution ({@link OrderEventsQuantity#EXECUTION}); other order events change no position.
 */
final class OrderEventTranslator implements MessageTranslator {

    private final int maxBodyBytes;
    private final OrderEventsQuantity quantity;

    OrderEventTranslator(int maxBodyBytes, OrderEventsQuantity quantity) {
        this.maxBodyBytes = maxBodyBytes;
        this.quantity = quantity;
    }

    @Override
    public List<CommandMessage<?>> translate(Message message) {
        OrderEventMessage event = OrderEventMessage.read(InboundJson.read(message, maxBodyBytes, "order_event"));
        if (!event.executed()) {
            return List.of();
        }
        if (quantity == OrderEventsQuantity.EXECUTION) {
            return List.of(OrderExecutedTranslator.commandOf(event.execution(), message));
        }
        return List.of(CommandMetadata.of(UpdateSource.ORDER_EXECUTION, event.execution().traceId(),
                        MessageTranslator.messageId(message, event.execution().orderId() + ":"
                                + event.execution().filledQuantity().toPlainString()))
                .command(event.orderState(MessageTranslator.receivedAt(message))));
    }
}
