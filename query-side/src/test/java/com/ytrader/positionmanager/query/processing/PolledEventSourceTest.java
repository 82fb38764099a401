package com.ytrader.positionmanager.query.processing;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of the query side's event source tells its processor when events arrive, so that a caught-up pooled
 * processor does not wait for Axon's own look every 500 ms; a closed stream is told nothing more.
 */
class PolledEventSourceTest extends QuerySideTest {

    @Autowired
    private PolledEventSource source;

    @Test
    void a_caught_up_stream_calls_its_processor_back_when_an_event_is_appended_and_not_once_closed() {
        AtomicInteger told = new AtomicInteger();
        AtomicInteger toldAfterClose = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createHeadToken());
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createHeadToken());
        try {
            assertThat(open.setOnAvailableCallback(told::incrementAndGet)).isTrue();
            assertThat(closed.setOnAvailableCallback(toldAfterClose::incrementAndGet)).isTrue();
            closed.close();
            toldAfterClose.set(0);

            String asset = uniqueAsset("PES");
            fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", Instant.now());

            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() > 0);
            assertThat(open.hasNextAvailable()).isTrue();
            assertThat(toldAfterClose).hasValue(0);
        } finally {
            open.close();
        }
    }
}
