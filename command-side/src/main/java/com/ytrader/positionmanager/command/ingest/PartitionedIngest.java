package com.ytrader.positionmanager.command.ingest;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import java.util.List;

/**
 * The routers and partition consumers of a partitioned ingest, started and stopped together, as the direct
 * consumers are (their number depends on a setting, so they are not beans of their own).
 */
final class PartitionedIngest implements SmartLifecycle, DisposableBean {

    private final List<SimpleMessageListenerContainer> containers;

    PartitionedIngest(List<SimpleMessageListenerContainer> containers) {
        this.containers = List.copyOf(containers);
        this.containers.forEach(SimpleMessageListenerContainer::afterPropertiesSet);
    }

    List<SimpleMessageListenerContainer> containers() {
        return containers;
    }

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(SimpleMessageListenerContainer::isRunning);
    }

    @Override
    public void destroy() {
        containers.forEach(SimpleMessageListenerContainer::destroy);
    }

    /** Stops with the listener containers, before the connection factory closes. */
    @Override
    public int getPhase() {
        return SimpleMessageListenerContainer.DEFAULT_PHASE;
    }
}
