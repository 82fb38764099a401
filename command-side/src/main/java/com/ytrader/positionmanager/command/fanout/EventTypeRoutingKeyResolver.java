package com.ytrader.positionmanager.command.fanout;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.amqp.eventhandling.RoutingKeyResolver;

/** Routes each domain event by its type ({@code FillApplied}, {@code PositionClosed}, ...). */
final class EventTypeRoutingKeyResolver implements RoutingKeyResolver {

    @Override
    public String resolveRoutingKey(EventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }
}
