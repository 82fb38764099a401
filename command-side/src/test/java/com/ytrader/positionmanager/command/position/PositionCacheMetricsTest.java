package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The position cache reports its hits and misses, so a cache too small for the positions shows. */
class PositionCacheMetricsTest {

    @Test
    void commands_on_a_cached_position_count_as_hits_and_a_new_position_as_a_miss() {
        String asset = "CACHE" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE).run("--position-manager.ingest.enabled=false",
                        "--position-manager.fanout.enabled=false")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            MeterRegistry metrics = app.getBean(MeterRegistry.class);
            for (int i = 0; i < 3; i++) {
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + i, "o" + i, Side.BUY,
                        BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, Instant.now()));
            }

            assertThat(metrics.get("cache.gets").tag("cache", "positions").tag("result", "hit")
                    .functionCounter().count()).isGreaterThanOrEqualTo(2);
            assertThat(metrics.get("cache.gets").tag("cache", "positions").tag("result", "miss")
                    .functionCounter().count()).isGreaterThanOrEqualTo(1);
        }
    }
}
