package com.ytrader.positionmanager.command.fanout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the domain-event fan-out ({@code position-manager.fanout.*}).
 *
 * @param exchange       durable topic exchange; the routing key is the event type's simple name
 * @param confirmTimeout how long a batch waits for the broker's publisher confirms before it is retried
 */
@ConfigurationProperties("position-manager.fanout")
public record FanoutProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("position-manager.events") String exchange,
        @DefaultValue("10s") Duration confirmTimeout) {
}
