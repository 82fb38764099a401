package com.ytrader.positionmanager.observability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The handler of a pooled processor that a test can make fail: while failing, every batch with a probe event fails
 * and is retried, its segment is released and claimed again, and its stored token stays where it was.
 */
@Component
@ProcessingGroup(FailingProbeHandler.PROCESSOR)
class FailingProbeHandler {

    static final String PROCESSOR = "failing-probe";

    private volatile boolean failing;

    void fail(boolean failing) {
        this.failing = failing;
    }

    @EventHandler
    void on(FailingProbeEvent event) {
        if (failing) {
            throw new IllegalStateException("the failing probe fails");
        }
    }

    record FailingProbeEvent(String id) {
    }
}
