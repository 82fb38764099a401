package com.ytrader.positionmanager.command.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.command.position.ReportExchangePosition;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.PositionCorrected;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PositionSnapshotTaken;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context closes after the class and consumes nothing: a cached context left running would claim the
 * fan-out's token and publish other tests' events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"position-manager.ingest.enabled=false", "position-manager.fanout.enabled=false"})
@DirtiesContext
class PositionCommandsApiTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String API_KEY = "test-key";

    @LocalServerPort
    private int port;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private ObjectMapper json;

    private record Response(int status, String contentType, JsonNode body) {
    }

    @Test
    void validating_a_position_that_differs_from_the_exchange_corrects_it_and_answers_in_the_spec_shape() {
        String asset = uniqueAsset();
        commands.sendAndWait(fill(asset, "1"));
        commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal("1.5"),
                new BigDecimal("101"), new BigDecimal("102"), new BigDecimal("1.5"), BigDecimal.ZERO, 1, T0));

        Response response = post("/api/v1/positions/" + asset + "/validate");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("is_valid").asBoolean()).isFalse();
        assertThat(response.body().get("error_message").asText()).isEqualTo("positionIdx 0: size 1 here, 1.5 on the exchange at seq 1");
        JsonNode updated = response.body().get("updated_position");
        assertThat(new BigDecimal(updated.get("size").asText())).isEqualByComparingTo("1.5");
        assertThat(new BigDecimal(updated.get("average_entry_price").asText())).isEqualByComparingTo("101");
        assertThat(updated.get("mode").asText()).isEqualTo("one-way");
        DomainEventMessage<?> correction = events(asset).stream()
                .filter(event -> event.getPayload() instanceof PositionCorrected).findFirst().orElseThrow();
        assertThat(correction.getMetaData()).containsEntry(EventMetadata.SOURCE, "api");
    }

    @Test
    void validating_without_fixing_reports_and_leaves_the_position() {
        String asset = uniqueAsset();
        commands.sendAndWait(fill(asset, "1"));
        commands.sendAndWait(ReportExchangePosition.of(asset, PositionMode.ONE_WAY, 0, new BigDecimal("2"),
                null, new BigDecimal("102"), BigDecimal.ZERO, BigDecimal.ZERO, 1, T0));

        Response response = post("/api/v1/positions/" + asset + "/validate?fix_discrepancies=false");

        assertThat(response.body().get("is_valid").asBoolean()).isFalse();
        assertThat(response.body().get("updated_position").isNull()).isTrue();
        assertThat(events(asset)).noneMatch(event -> event.getPayload() instanceof PositionCorrected);
    }

    @Test
    void a_manual_snapshot_is_recorded_as_an_event_and_returned() {
        String asset = uniqueAsset();
        commands.sendAndWait(fill(asset, "2.5"));

        Response response = post("/api/v1/positions/" + asset + "/snapshot");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("snapshot_id").asText()).isNotBlank();
        assertThat(response.body().get("position_id").asText())
                .isEqualTo(PositionId.uuid(PositionId.of(asset, PositionMode.ONE_WAY)).toString());
        assertThat(new BigDecimal(response.body().get("size").asText())).isEqualByComparingTo("2.5");
        assertThat(response.body().get("asset").asText()).isEqualTo(asset);
        List<? extends DomainEventMessage<?>> snapshots = events(asset).stream()
                .filter(event -> event.getPayload() instanceof PositionSnapshotTaken).toList();
        assertThat(snapshots).hasSize(1);
        assertThat(((PositionSnapshotTaken) snapshots.get(0).getPayload()).snapshotId())
                .isEqualTo(response.body().get("snapshot_id").asText());
    }

    @Test
    void a_snapshot_of_an_unknown_position_is_404_problem_json() {
        Response response = post("/api/v1/positions/" + uniqueAsset() + "/snapshot?mode=hedge");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_malformed_asset_or_mode_is_400_problem_json_naming_the_parameter() {
        Response badAsset = post("/api/v1/positions/btc-usdt/validate");
        Response badMode = post("/api/v1/positions/BTCUSDT/snapshot?mode=sideways");

        assertThat(badAsset.status()).isEqualTo(400);
        assertThat(badAsset.body().get("parameter").asText()).isEqualTo("asset");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.contentType()).startsWith("application/problem+json");
    }

    private List<? extends DomainEventMessage<?>> events(String asset) {
        return eventStore.readEvents(PositionId.of(asset, PositionMode.ONE_WAY)).asStream().toList();
    }

    @Test
    void a_command_without_a_valid_api_key_is_401_and_records_nothing() {
        String asset = uniqueAsset();
        commands.sendAndWait(fill(asset, "1"));

        Response missing = post("/api/v1/positions/" + asset + "/snapshot", null);
        Response wrong = post("/api/v1/positions/" + asset + "/snapshot", "not-the-key");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(events(asset)).noneMatch(event -> event.getPayload() instanceof PositionSnapshotTaken);
    }

    private Response post(String path) {
        return post(path, API_KEY);
    }

    private Response post(String path, String apiKey) {
        RestClient.RequestBodySpec request = RestClient.create("http://127.0.0.1:" + port).post().uri(path);
        if (apiKey != null) {
            request = request.header("X-API-Key", apiKey);
        }
        return request.exchange((sent, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return new Response(response.getStatusCode().value(),
                            String.valueOf(response.getHeaders().getContentType()), parse(body));
                });
    }

    private JsonNode parse(byte[] body) throws IOException {
        return body.length == 0 ? json.nullNode() : json.readTree(body);
    }

    private static ApplyFill fill(String asset, String quantity) {
        return ApplyFill.of(asset, PositionMode.ONE_WAY, null, "f-" + asset, "o-" + asset, Side.BUY,
                new BigDecimal(quantity), new BigDecimal("100"), BigDecimal.ZERO, T0);
    }

    private static String uniqueAsset() {
        return "API" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    }
}
