package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.amqp.core.Message;

import java.util.List;

/** {@code order-manager.order_executed}: one execution per message. */
final class OrderExecutedTranslator implements MessageTranslator {

    private final int maxBodyBytes;

    OrderExecutedTranslator(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public List<CommandMessage<?>> translate(Message message) {
        return List.of(commandOf(OrderExecutedMessage.read(InboundJson.read(message, maxBodyBytes, "order_executed")),
                message));
    }

    static CommandMessage<?> commandOf(OrderExecutedMessage execution, Message message) {
        Object command = execution.command(MessageTranslator.receivedAt(message));
        return CommandMetadata.of(UpdateSource.ORDER_EXECUTION, execution.traceId(),
                        MessageTranslator.messageId(message, execution.fillId()))
                .command(command);
    }
}
