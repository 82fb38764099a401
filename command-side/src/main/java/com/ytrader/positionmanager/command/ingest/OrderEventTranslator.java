package com.ytrader.positionmanager.command.ingest;

import org.axonframework.commandhandling.CommandMessage;
import org.springframework.amqp.core.Message;

import java.util.List;

/** {@code order-manager.order_events}: executions become fills; other order events change no position. */
final class OrderEventTranslator implements MessageTranslator {

    private final int maxBodyBytes;

    OrderEventTranslator(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public List<CommandMessage<?>> translate(Message message) {
        OrderEventMessage event = OrderEventMessage.read(InboundJson.read(message, maxBodyBytes, "order_event"));
        return event.executed()
                ? List.of(OrderExecutedTranslator.commandOf(event.execution(), message))
                : List.of();
    }
}
