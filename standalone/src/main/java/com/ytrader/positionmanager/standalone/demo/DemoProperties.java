package com.ytrader.positionmanager.standalone.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The demo feed ({@code position-manager.demo.*}; {@code --demo} sets {@code enabled}).
 *
 * @param interval time between two ticks; each tick publishes at most one fill per asset and one position report
 *                 message, so the rate stays bounded whatever the interval's jitter
 */
@ConfigurationProperties("position-manager.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("500ms") Duration interval) {

    public static final String ENABLED = "position-manager.demo.enabled";

    public DemoProperties {
        if (interval.compareTo(Duration.ofMillis(50)) < 0) {
            throw new IllegalArgumentException("position-manager.demo.interval must be at least 50ms, was " + interval);
        }
    }
}
