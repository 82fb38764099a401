package com.ytrader.positionmanager.query.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.command.position.ApplyMarkPrice;
import com.ytrader.positionmanager.events.EventMetadata;
import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillRelationship;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.PriceSource;
import com.ytrader.positionmanager.eventstore.StoredTokens;
import com.ytrader.positionmanager.infrastructure.TcpProxy;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static com.ytrader.positionmanager.query.limits.LimitEventsOnTheQueue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limit events against a real event store and broker, in a database of their own (emptied before the class runs),
 * so that the portfolio's total exposure is this class's alone: each crossing publishes exactly one event, whether
 * one query-side instance runs or two, and a replay publishes none.
 */
@TestPropertySource(properties = {
        "POSTGRES_DB=" + LimitEventsTest.DATABASE,
        "POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT=" + LimitEventsTest.MAX_TOTAL_EXPOSURE,
        "POSITION_MANAGER_MAX_POSITION_EXPOSURE_USDT=" + LimitEventsTest.MAX_POSITION_EXPOSURE,
        "POSITION_MANAGER_MAX_POSITION_SIZE_RATIO=0.8",
        "POSITION_MANAGER_TAKE_PROFIT_PCT=3"})
class LimitEventsTest extends QuerySideTest {

    static final String DATABASE = "pm_query_side_limits_test";
    static final String MAX_TOTAL_EXPOSURE = "10000";
    static final String MAX_POSITION_EXPOSURE = "5000";
    /** What another instance is started with: this class's database and limits. */
    private static final List<String> SAME_SETTINGS = List.of("--POSTGRES_DB=" + DATABASE,
            "--POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT=" + MAX_TOTAL_EXPOSURE,
            "--POSITION_MANAGER_MAX_POSITION_EXPOSURE_USDT=" + MAX_POSITION_EXPOSURE,
            "--POSITION_MANAGER_MAX_POSITION_SIZE_RATIO=0.8", "--POSITION_MANAGER_TAKE_PROFIT_PCT=3");

    @Autowired
    private RabbitTemplate rabbit;
    @Autowired
    private AmqpAdmin amqp;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private StoredTokens tokens;
    @Autowired
    private Environment environment;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private EventStore eventStore;

    /** A fresh database: whatever an earlier run left open would count in the total exposure. */
    @BeforeAll
    static void emptyDatabase() {
        String url = "jdbc:postgresql://" + env("POSTGRES_HOST", "localhost") + ":" + env("POSTGRES_PORT", "5432")
                + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, env("POSTGRES_USER", "postgres"),
                env("POSTGRES_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException noServerThere) {
            // the embedded server the tests fall back on is new in every JVM
        }
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    private LimitEventsOnTheQueue queue;

    @BeforeEach
    void emptyQueue() {
        queue = new LimitEventsOnTheQueue(rabbit, json, tokens, jdbc);
        amqp.purgeQueue(LimitEvent.QUEUE, false);
    }

    @Test
    void crossing_a_limit_up_staying_up_down_and_up_again_publishes_exactly_one_event_each() {
        String asset = uniqueAsset("TP") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        queue.awaitEvaluator();
        double exceededBefore = published("take_profit_pct", "limit_exceeded");
        double clearedBefore = published("take_profit_pct", "limit_cleared");
        // unrealized_pnl_pct = mark - 100 for one unit bought at 100; take profit at 3 %
        mark(asset, "102", t0.plusSeconds(1), asset + "-within");
        mark(asset, "104", t0.plusSeconds(2), asset + "-up");
        mark(asset, "105", t0.plusSeconds(3), asset + "-stays-up");
        queue.awaitEvaluator();
        assertPositionLimit(asset, "take_profit_pct", "5", true);
        mark(asset, "101", t0.plusSeconds(4), asset + "-down");
        mark(asset, "103", t0.plusSeconds(5), asset + "-at-the-limit");
        mark(asset, "110", t0.plusSeconds(6), asset + "-up-again");
        queue.awaitEvaluator();

        List<LimitEventsOnTheQueue.Received> takeProfit = queue.drain(event -> asset.equals(text(event, "asset"))
                && "take_profit_pct".equals(text(event, "name")));

        assertThat(takeProfit).extracting(received -> received.text("event_type"))
                .containsExactly("limit_exceeded", "limit_cleared", "limit_exceeded");
        assertThat(takeProfit).extracting(received -> received.text("trace_id"))
                .containsExactly(asset + "-up", asset + "-down", asset + "-up-again");
        JsonNode first = takeProfit.get(0).body();
        assertDecimal(first.get("value"), "4");
        assertDecimal(first.get("limit"), "3");
        assertThat(text(first, "mode")).isEqualTo("one-way");
        assertThat(Instant.parse(text(first, "timestamp"))).isBefore(Instant.now());
        assertDecimal(takeProfit.get(1).body().get("value"), "1");
        assertDecimal(takeProfit.get(2).body().get("value"), "10");
        assertThat(takeProfit).extracting(LimitEventsOnTheQueue.Received::messageId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).endsWith(":take_profit_pct:" + asset + ":one-way"));
        assertPositionLimit(asset, "take_profit_pct", "10", true);
        assertThat(published("take_profit_pct", "limit_exceeded") - exceededBefore).isEqualTo(2);
        assertThat(published("take_profit_pct", "limit_cleared") - clearedBefore).isEqualTo(1);
    }

    /** {@code position_manager_limit_events_total} of this instance, the only evaluator of this test. */
    private double published(String name, String eventType) {
        Counter counter = meters.find("position_manager_limit_events").tag("name", name)
                .tag("event_type", eventType).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void the_portfolios_total_exposure_limit_is_crossed_without_an_asset_and_shown_by_the_portfolio() {
        awaitProjections();
        BigDecimal before = new BigDecimal(get("/api/v1/portfolio/exposure").body().get("total_exposure_usdt")
                .asText());
        BigDecimal room = new BigDecimal(MAX_TOTAL_EXPOSURE).subtract(before);
        assertThat(room).as("the class's other positions leave room").isGreaterThan(new BigDecimal("1000"));
        // at 100 the position takes the total above the limit, at 90 back within it
        String quantity = room.divideToIntegralValue(BigDecimal.valueOf(100)).add(BigDecimal.ONE).toPlainString();
        String asset = uniqueAsset("TE") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, quantity, "100", "0", t0);
        mark(asset, "100", t0.plusSeconds(1), asset + "-up");
        queue.awaitEvaluator();
        awaitProjections();

        JsonNode portfolio = get("/api/v1/portfolio").body();
        assertThat(portfolio.get("limit_exceeded").asBoolean()).isTrue();
        JsonNode total = limit(portfolio.get("limits"), "max_total_exposure_usdt", null);
        assertThat(total.get("exceeded").asBoolean()).isTrue();
        assertDecimal(total.get("limit"), MAX_TOTAL_EXPOSURE);
        assertThat(total.has("asset")).isFalse();
        JsonNode own = limit(portfolio.get("limits"), "max_position_exposure_usdt", asset);
        assertThat(own.get("exceeded").asBoolean()).as("each position's exceeded limit, with its asset").isTrue();
        JsonNode exposure = get("/api/v1/portfolio/exposure").body();
        assertThat(exposure.get("limit_exceeded").asBoolean()).isTrue();
        assertThat(limit(exposure.get("limits"), "max_total_exposure_usdt", null).get("exceeded").asBoolean())
                .isTrue();

        mark(asset, "90", t0.plusSeconds(2), asset + "-down");
        mark(asset, "100", t0.plusSeconds(3), asset + "-up-again");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-2", Side.SELL, quantity, "100", "0", t0.plusSeconds(4));
        queue.awaitEvaluator();

        // the class's tests run one after the other: every total-exposure event since the queue was emptied is ours
        List<LimitEventsOnTheQueue.Received> totals =
                queue.drain(event -> "max_total_exposure_usdt".equals(text(event, "name")));
        assertThat(totals).extracting(received -> received.text("event_type"))
                .containsExactly("limit_exceeded", "limit_cleared", "limit_exceeded", "limit_cleared");
        assertThat(totals).extracting(received -> received.text("trace_id")).as("the closing fill has none")
                .containsExactly(asset + "-up", asset + "-down", asset + "-up-again", null);
        assertThat(totals).allSatisfy(received -> assertThat(received.body().has("asset")).isFalse());
        assertThat(totals.get(3).messageId()).doesNotContain(asset).endsWith(":limit_cleared:max_total_exposure_usdt");
    }

    @Test
    void a_price_of_another_position_crosses_a_positions_size_ratio_and_the_event_names_that_cause() {
        awaitProjections();
        BigDecimal others = new BigDecimal(get("/api/v1/portfolio/exposure").body().get("total_exposure_usdt")
                .asText());
        assertThat(others).as("X keeps more than 0.8 of 11,000 + the others, not of 13,000 + the others")
                .isLessThan(new BigDecimal("1500"));
        String x = uniqueAsset("SX") + "USDT";
        String y = uniqueAsset("SY") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(x, PositionMode.ONE_WAY, null, x + "-1", Side.BUY, "10", "1000", "0", t0);
        mark(x, "1000", t0.plusSeconds(1), x + "-priced");
        fill(y, PositionMode.ONE_WAY, null, y + "-1", Side.BUY, "1", "1000", "0", t0.plusSeconds(2));
        mark(y, "1000", t0.plusSeconds(3), y + "-priced");
        mark(y, "3000", t0.plusSeconds(4), y + "-up");
        mark(y, "1000", t0.plusSeconds(5), y + "-down");
        fill(y, PositionMode.ONE_WAY, null, y + "-2", Side.SELL, "1", "1000", "0", t0.plusSeconds(6));
        fill(x, PositionMode.ONE_WAY, null, x + "-2", Side.SELL, "10", "1000", "0", t0.plusSeconds(7));
        queue.awaitEvaluator();

        List<LimitEventsOnTheQueue.Received> ratio = queue.drain(event -> x.equals(text(event, "asset"))
                && "max_position_size_ratio".equals(text(event, "name")));

        assertThat(ratio).extracting(received -> received.text("event_type") + " " + received.text("trace_id"))
                .containsExactly("limit_exceeded " + x + "-priced", "limit_cleared " + y + "-up",
                        "limit_exceeded " + y + "-down", "limit_cleared null");
        assertThat(ratio.get(1).messageId()).as("Y's event crossed X's limit").endsWith(x + ":one-way");
        assertDecimal(ratio.get(1).body().get("value"), new BigDecimal("10000")
                .divide(others.add(new BigDecimal("13000")), 8, RoundingMode.HALF_EVEN).toPlainString());
    }

    @Test
    void an_event_whose_figures_no_column_holds_is_not_judged_and_does_not_stop_the_evaluator() {
        // written straight into the store, past the command side's checks: entry notional 1e21 (1e9 bought at 1e12)
        String huge = uniqueAsset("HG") + "USDT";
        String hugePosition = PositionId.of(huge, PositionMode.ONE_WAY);
        BigDecimal size = new BigDecimal("1e9");
        BigDecimal price = new BigDecimal("1e12");
        eventStore.publish(new GenericDomainEventMessage<>("Position", hugePosition, 0, new FillApplied(hugePosition,
                huge, PositionMode.ONE_WAY, 0, huge + "-1", "order-" + huge, Side.BUY, size, price, BigDecimal.ZERO,
                Instant.now(), FillRelationship.OPENED, size, BigDecimal.ZERO, null, null, null, false, null,
                new PositionFigures(List.of(new LegFigures(0, size, price, BigDecimal.ZERO, BigDecimal.ZERO)), price,
                        BigDecimal.ZERO, 1, LifecycleFigures.none()))));
        String asset = uniqueAsset("AH") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        mark(asset, "110", t0.plusSeconds(1), asset + "-up");
        queue.awaitEvaluator();

        List<LimitEventsOnTheQueue.Received> published = queue.drain(event -> true);
        assertThat(published).filteredOn(received -> huge.equals(received.text("asset"))
                || "max_total_exposure_usdt".equals(received.text("name"))).as("nothing judged on it").isEmpty();
        assertThat(published).filteredOn(received -> asset.equals(received.text("asset"))
                && "take_profit_pct".equals(received.text("name")))
                .extracting(received -> received.text("trace_id")).containsExactly(asset + "-up");
    }

    @Test
    void a_replay_of_the_read_models_or_of_the_evaluator_itself_publishes_nothing_again() {
        String asset = uniqueAsset("RP") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        mark(asset, "110", t0.plusSeconds(1), asset + "-up");
        queue.awaitEvaluator();
        assertThat(queue.drain(event -> asset.equals(text(event, "asset")))).isNotEmpty();
        List<String> exceededBefore = exceededRows();

        assertThat(admin("POST").get("status").asText()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin("GET").get("status").asText().equals("completed"));
        StreamingEventProcessor evaluator = processing
                .eventProcessor(LimitEvaluator.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        evaluator.shutDown();
        evaluator.resetTokens();
        evaluator.start();
        awaitProjections();
        queue.awaitEvaluator();

        assertThat(queue.drain(event -> true)).as("nothing published by either replay").isEmpty();
        assertThat(exceededRows()).as("the evaluator's state rebuilt as it was").isEqualTo(exceededBefore);

        mark(asset, "101", t0.plusSeconds(2), asset + "-down-after-replay");
        queue.awaitEvaluator();
        assertThat(queue.drain(event -> asset.equals(text(event, "asset"))
                && "take_profit_pct".equals(text(event, "name"))))
                .extracting(received -> received.text("trace_id"))
                .as("a new crossing after the replay is published")
                .containsExactly(asset + "-down-after-replay");
    }

    @Test
    void a_first_start_of_the_evaluator_over_a_history_builds_its_state_and_publishes_nothing_of_the_past() {
        String asset = uniqueAsset("FS") + "USDT";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
        mark(asset, "110", t0.plusSeconds(1), asset + "-up");
        queue.awaitEvaluator();
        assertThat(queue.drainOf(asset)).isNotEmpty();
        List<String> exceededBefore = exceededRows();
        StreamingEventProcessor evaluator = evaluator(processing);
        evaluator.shutDown();
        // as on a deployment that had no evaluator yet
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", LimitEvaluator.PROCESSING_GROUP);
        jdbc.execute("TRUNCATE limit_positions, limits_exceeded");

        evaluator.start();
        queue.awaitEvaluator();

        assertThat(queue.drain(event -> true)).as("no crossing of the past published").isEmpty();
        assertThat(exceededRows()).isEqualTo(exceededBefore);
        mark(asset, "100", t0.plusSeconds(2), asset + "-down");
        queue.awaitEvaluator();
        assertThat(queue.drainOf(asset)).extracting(received -> received.text("trace_id"))
                .as("judged as new from the newest event on").contains(asset + "-down");
    }

    @Test
    void two_query_side_instances_publish_each_crossing_once_also_when_the_evaluator_moves_between_them()
            throws Exception {
        try (ChildQuerySide second = ChildQuerySide.start(environment, SAME_SETTINGS)) {
            String asset = uniqueAsset("TW") + "USDT";
            Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
            fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
            for (int i = 0; i < 3; i++) {
                mark(asset, "110", t0.plusSeconds(10L * i + 1), asset + "-up-" + i);
                mark(asset, "111", t0.plusSeconds(10L * i + 2), asset + "-stays-up-" + i);
                mark(asset, "100", t0.plusSeconds(10L * i + 3), asset + "-down-" + i);
            }
            queue.awaitEvaluator();
            // the instance that evaluates lets go (this one's processor stops, the child stops gracefully): the
            // other one claims the segment and goes on from the token
            String owner = evaluatorOwner();
            StreamingEventProcessor mine = evaluator(processing);
            boolean mineLetGo = !owner.startsWith(second.tokenOwnerPrefix());
            if (mineLetGo) {
                mine.shutDown();
            } else {
                second.close();
            }
            mark(asset, "120", t0.plusSeconds(100), asset + "-up-elsewhere");
            mark(asset, "100", t0.plusSeconds(101), asset + "-down-elsewhere");
            queue.awaitEvaluator();
            assertThat(evaluatorOwner()).as("the segment moved").isNotEqualTo(owner);
            if (mineLetGo) {
                mine.start();
            }

            List<LimitEventsOnTheQueue.Received> takeProfit = queue.drain(event -> asset.equals(text(event, "asset"))
                    && "take_profit_pct".equals(text(event, "name")));
            assertThat(takeProfit).extracting(received -> received.text("trace_id")).containsExactly(
                    asset + "-up-0", asset + "-down-0", asset + "-up-1", asset + "-down-1", asset + "-up-2",
                    asset + "-down-2", asset + "-up-elsewhere", asset + "-down-elsewhere");
        }
    }

    @Test
    void a_crossing_while_the_broker_is_unreachable_is_published_once_it_is_back() throws Exception {
        StreamingEventProcessor mine = evaluator(processing);
        mine.shutDown();
        try (TcpProxy broker = new TcpProxy(Integer.parseInt(environment.getRequiredProperty("spring.rabbitmq.port")));
             ChildQuerySide evaluating = ChildQuerySide.start(environment, broker.port(), SAME_SETTINGS)) {
            String asset = uniqueAsset("BH") + "USDT";
            Instant t0 = Instant.now().minus(Duration.ofMinutes(10));
            fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0", t0);
            mark(asset, "110", t0.plusSeconds(1), asset + "-up");
            queue.awaitEvaluator();

            broker.cut();
            mark(asset, "100", t0.plusSeconds(2), asset + "-down");
            Thread.sleep(3000);
            assertThat(queue.evaluatorCaughtUp()).as("the token waits for the broker's confirm").isFalse();
            assertThat(queue.drain(event -> asset.equals(text(event, "asset"))
                    && "take_profit_pct".equals(text(event, "name"))))
                    .extracting(received -> received.text("trace_id")).as("nothing of the crossing while cut")
                    .containsExactly(asset + "-up");
            broker.restore();
            queue.awaitEvaluator();

            List<LimitEventsOnTheQueue.Received> after = queue.drain(event -> asset.equals(text(event, "asset"))
                    && "take_profit_pct".equals(text(event, "name")));
            assertThat(after).extracting(received -> received.text("trace_id")).isNotEmpty()
                    .allMatch((asset + "-down")::equals);
            assertThat(after).extracting(LimitEventsOnTheQueue.Received::messageId).as("a repeat is the same message")
                    .containsOnly(after.get(0).messageId());
        } finally {
            mine.start();
        }
    }

    /** Which instance holds the evaluator's segment (Axon's {@code pid@host} of its JVM). */
    private String evaluatorOwner() {
        return jdbc.queryForObject("SELECT COALESCE(owner, '') FROM token_entry WHERE processor_name = ?",
                String.class, LimitEvaluator.PROCESSING_GROUP);
    }

    private static StreamingEventProcessor evaluator(EventProcessingConfiguration processing) {
        return processing.eventProcessor(LimitEvaluator.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private void mark(String asset, String price, Instant at, String traceId) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(ApplyMarkPrice.of(asset, PositionMode.ONE_WAY,
                        new BigDecimal(price), PriceSource.WEBSOCKET, at))
                .andMetaData(MetaData.with(EventMetadata.TRACE_ID, traceId)));
    }

    private void assertPositionLimit(String asset, String name, String value, boolean exceeded) {
        awaitProjections();
        JsonNode position = get("/api/v1/positions/" + asset).body();
        JsonNode check = limit(position.get("limits"), name, asset);
        assertDecimal(check.get("value"), value);
        assertThat(check.get("exceeded").asBoolean()).isEqualTo(exceeded);
        assertThat(position.get("limit_exceeded").asBoolean()).isEqualTo(exceeded);
        JsonNode listed = get("/api/v1/positions?asset=" + asset).body().get("positions").get(0);
        assertThat(listed.get("limits")).isEqualTo(position.get("limits"));
    }

    private static JsonNode limit(JsonNode limits, String name, String asset) {
        for (JsonNode check : limits) {
            if (name.equals(text(check, "name")) && Objects.equals(asset, text(check, "asset"))) {
                return check;
            }
        }
        throw new AssertionError("no limit " + name + " of " + asset + " in " + limits);
    }

    private List<String> exceededRows() {
        return jdbc.queryForList("SELECT limit_name || ' ' || position_key FROM limits_exceeded ORDER BY 1",
                String.class);
    }

    private JsonNode admin(String method) {
        return RestClient.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port"))
                .method(org.springframework.http.HttpMethod.valueOf(method)).uri("/api/v1/admin/replay")
                .header("X-API-Key", "admin-test-key")
                .exchange((request, response) -> json.readTree(response.getBody()));
    }
}
