package com.ytrader.positionmanager.query.replay;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.processing.ReadModels;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While a replay runs: the gate answers reads 503, but only after the API key and the rate limit, and it leaves the
 * command endpoints alone. The replay is held running by stopping its processor right after it started.
 */
class ReplayGateTest extends QuerySideTest {

    @Autowired
    private ReadModelReplay replay;
    @LocalServerPort
    private int port;

    private String asset;
    private StreamingEventProcessor processor;

    @BeforeEach
    void aReplayHeldRunning() {
        asset = uniqueAsset("GATE");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", Instant.now());
        awaitProjections();
        processor = processing.eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(replay.start()).isTrue();
        processor.shutDown();
        assertThat(replay.running()).as("the replay cannot finish while its processor is stopped").isTrue();
    }

    @AfterEach
    void replayFinishes() {
        processor.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> !replay.running());
    }

    @Test
    void during_a_replay_reads_with_a_key_get_503_with_retry_after() {
        for (String path : List.of("/api/v1/positions", "/api/v1/positions/" + asset, "/api/v1/portfolio",
                "/api/v1/portfolio/exposure", "/api/v1/positions/" + asset + "/history")) {
            Response response = get(path);

            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.headers().getFirst("Retry-After")).isEqualTo("5");
            assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void during_a_replay_a_request_without_a_valid_key_gets_401_not_503() {
        for (String key : new String[]{null, "", "wrong-key"}) {
            Response response = get("/api/v1/positions/" + asset, key);

            assertThat(response.status()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    void during_a_replay_a_key_over_its_rate_limit_gets_429_not_503() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get("/api/v1/portfolio/exposure", "gate-test-key").status());
        }

        assertThat(statuses).as("2 a minute, spent by requests the gate answered").containsExactly(503, 503, 429, 429);
    }

    @Test
    void during_a_replay_the_command_endpoints_still_answer() {
        RawHttp http = new RawHttp(port);

        RawHttp.Response validate = http.send("POST /api/v1/positions/" + asset + "/validate?fix_discrepancies=false"
                + " HTTP/1.1\r\nX-API-Key: " + API_KEY + "\r\nContent-Length: 0");
        RawHttp.Response snapshot = http.send("POST /api/v1/positions/" + asset + "/snapshot HTTP/1.1\r\nX-API-Key: "
                + API_KEY + "\r\nContent-Length: 0");
        RawHttp.Response training = http.send("POST /api/v1/training/position-states HTTP/1.1\r\nX-API-Key: "
                + API_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 2", "[]".getBytes());

        assertThat(validate.status()).as(validate.text()).isEqualTo(200);
        assertThat(snapshot.status()).as(snapshot.text()).isEqualTo(201);
        assertThat(training.status()).as("the training batch reads the read models").isEqualTo(503);
    }
}
