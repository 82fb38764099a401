package com.ytrader.positionmanager.command.aged;

import com.ytrader.positionmanager.events.AgedCloseReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The aged positions' metrics (docs/operations.md). Recorded on Micrometer's global registry, which Spring Boot
 * binds to its own, because a saga is a serialized object that holds no beans between its events.
 */
final class AgedMetrics {

    private AgedMetrics() {
    }

    static void closeRequested(AgedCloseReason reason, int attempt) {
        Counter.builder("position_manager_aged_close_requests")
                .description("Close requests sent for aged positions, by reason")
                .tag("reason", reason.wireName())
                .tag("retry", String.valueOf(attempt > 1))
                .register(Metrics.globalRegistry).increment();
    }

    static void closeFailed() {
        Counter.builder("position_manager_aged_close_failures")
                .description("Aged positions still open after their last close request")
                .register(Metrics.globalRegistry).increment();
    }

    static void closed(AgedCloseReason reason, Duration detectionToClose) {
        Timer.builder("position_manager_aged_detection_to_close")
                .description("Time from an aged position's detection to its close")
                .tag("reason", reason == null ? "other" : reason.wireName())
                .register(Metrics.globalRegistry).record(detectionToClose);
    }
}
