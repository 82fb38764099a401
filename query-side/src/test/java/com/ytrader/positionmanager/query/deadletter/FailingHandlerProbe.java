package com.ytrader.positionmanager.query.deadletter;

import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-model handler with a bug the tests can switch on and off per position: its fills fail (before any
 * projection has buffered a row of them) until the test "deploys the fix" by clearing the position.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class FailingHandlerProbe {

    static final Set<String> FAILING_POSITIONS = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(FillApplied event) {
        if (FAILING_POSITIONS.contains(event.positionId())) {
            throw new IllegalStateException("probe: the handler fails for " + event.positionId());
        }
    }
}
