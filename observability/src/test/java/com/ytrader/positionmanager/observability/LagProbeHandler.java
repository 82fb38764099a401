package com.ytrader.positionmanager.observability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The handler of a streaming processor that a test can hold: while held, the processor's token stays where it
 * is and every event appended is one more event of lag.
 */
@Component
@ProcessingGroup(LagProbeHandler.PROCESSOR)
class LagProbeHandler {

    static final String PROCESSOR = "lag-probe";

    private final Semaphore open = new Semaphore(Integer.MAX_VALUE);

    void hold() throws InterruptedException {
        open.acquire(Integer.MAX_VALUE);
    }

    void release() {
        open.release(Integer.MAX_VALUE);
    }

    @EventHandler
    void on(LagProbeEvent event) throws InterruptedException {
        if (!open.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the lag probe");
        }
        open.release();
    }

    record LagProbeEvent(String id) {
    }
}
