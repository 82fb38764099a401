package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.command.position.CommandMetadata;
import com.ytrader.positionmanager.events.UpdateSource;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.amqp.core.Message;

import java.util.List;

/** {@code ws-gateway.position}: each Bybit position in the envelope becomes an exchange report. */
final class PositionReportTranslator implements MessageTranslator {

    private final int maxBodyBytes;

    PositionReportTranslator(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public List<CommandMessage<?>> translate(Message message) {
        GatewayPositionEnvelope envelope = GatewayPositionEnvelope.read(
                InboundJson.read(message, maxBodyBytes, "envelope"));
        CommandMetadata metadata = CommandMetadata.of(UpdateSource.WEBSOCKET, envelope.traceId(),
                MessageTranslator.messageId(message, envelope.eventId()));
        return envelope.positions().stream()
                .<CommandMessage<?>>map(position -> metadata.command(position.command()))
                .toList();
    }
}
