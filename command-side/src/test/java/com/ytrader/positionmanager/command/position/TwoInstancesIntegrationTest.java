package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two command-side instances with their own position caches write to one event store. */
class TwoInstancesIntegrationTest {

    @Test
    void a_stale_cached_position_is_reloaded_and_the_command_retried_so_no_fill_is_lost() {
        String asset = "TWO" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            CommandGateway a = first.getBean(CommandGateway.class);
            CommandGateway b = second.getBean(CommandGateway.class);
            for (int i = 0; i < 10; i++) {
                CommandGateway instance = i % 2 == 0 ? a : b;
                FillResult result = instance.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, "f" + i,
                        "o" + i, Side.BUY, BigDecimal.ONE, BigDecimal.valueOf(100 + i), BigDecimal.ZERO,
                        t0.plusSeconds(i)));
                assertThat(result).isEqualTo(FillResult.APPLIED);
            }
            List<FillApplied> fills = first.getBean(EventStore.class)
                    .readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream()
                    .map(DomainEventMessage::getPayload)
                    .filter(FillApplied.class::isInstance).map(FillApplied.class::cast).toList();
            assertThat(fills).hasSize(10);
            assertThat(fills.get(9).position().size()).isEqualByComparingTo("10");
            assertThat(fills.get(9).position().averageEntryPrice()).isEqualByComparingTo("104.5");
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CommandSideApplication.class).web(WebApplicationType.NONE).run();
    }
}
