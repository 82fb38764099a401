package com.ytrader.positionmanager.observability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The handler of a streaming processor that a test can hold: while held, the processor's token stays where it
 * is and every event appended is one more event of lag.
 */
@Component
@ProcessingGroup(LagProbeHandler.PROCESSOR)
class LagProbeHandler {

    static final String PROCESSOR = "lag-probe";

    private volatile CountDownLatch gate = new CountDownLatch(0);

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @EventHandler
    void on(LagProbeEvent event) throws InterruptedException {
        if (!gate.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the lag probe");
        }
    }

    record LagProbeEvent(String id) {
    }
}
