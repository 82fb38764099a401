package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSizeDiscrepancyDetected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class DomainEventCounterTest {

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private EventBus eventBus;

    @Test
    void committedEventsAreCountedByType() {
        double before = discrepancies();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> eventBus.publish(GenericEventMessage.asEventMessage(discrepancy())));

        assertThat(discrepancies()).isEqualTo(before + 1);
    }

    @Test
    void eventsOfAUnitOfWorkThatRollsBackAfterTheirHandlersRanAreNotCounted() {
        double before = discrepancies();

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            eventBus.publish(GenericEventMessage.asEventMessage(discrepancy()));
            // registered after the event bus's own handler: subscribers have seen the event when this fails
            CurrentUnitOfWork.get().onPrepareCommit(uow -> {
                throw new IllegalStateException("commit refused");
            });
        })).hasMessageContaining("commit refused");

        assertThat(discrepancies()).isEqualTo(before);
    }

    private double discrepancies() {
        Counter counter = registry.find(DomainEventCounter.METRIC)
                .tag("type", PositionSizeDiscrepancyDetected.class.getSimpleName())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static PositionSizeDiscrepancyDetected discrepancy() {
        return new PositionSizeDiscrepancyDetected("BTCUSDT:one-way", "BTCUSDT", PositionMode.ONE_WAY, 0,
                new BigDecimal("1.5"), new BigDecimal("1.2"), new BigDecimal("0.3"), new BigDecimal("0.0001"),
                42, Instant.parse("2026-11-22T10:00:00Z"), "grace_elapsed");
    }
}
