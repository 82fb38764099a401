package com.ytrader.positionmanager.query.asof;

import com.fasterxml.jackson.databind.JsonNode;
import com.ytrader.positionmanager.command.position.ApplyFill;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** One implementation of the figures-to-position mapping and of the features: as-of "now" is the live read model. */
class AsOfMatchesLiveTest extends QuerySideTest {

    private static final List<String> FIELDS = List.of("id", "asset", "mode", "size", "average_entry_price",
            "current_price", "unrealized_pnl", "realized_pnl", "long_size", "short_size", "long_entry_price",
            "short_entry_price", "long_realized_pnl", "short_realized_pnl", "exchange_size", "exchange_realized_pnl",
            "exchange_seq", "total_fees", "fees_by_currency", "close_reason", "unrealized_pnl_pct",
            "position_size_norm", "version", "created_at", "opened_at", "last_updated", "closed_at",
            "last_snapshot_at");

    @Test
    void as_of_now_equals_the_live_read_model_for_every_position_after_a_random_history() {
        Random random = new Random(5);
        Instant t0 = Instant.now().minusSeconds(3600);
        List<String> assets = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            assets.add(uniqueAsset("ASL"));
        }
        int step = 0;
        for (int i = 0; i < 120; i++) {
            String asset = assets.get(random.nextInt(assets.size()));
            Instant at = t0.plusSeconds(step++ * 7L + random.nextInt(5));
            String price = Integer.toString(90 + random.nextInt(20));
            String quantity = BigDecimal.valueOf(1 + random.nextInt(30), 1).toPlainString();
            int kind = random.nextInt(7);
            if (kind < 3) {
                fill(asset, PositionMode.ONE_WAY, null, asset + "-" + i, random.nextBoolean() ? Side.BUY : Side.SELL,
                        quantity, price, "0.01", at);
            } else if (kind == 6) {
                // a fee in the base coin, and now and then the exchange's own move
                commands.sendAndWait(ApplyFill.of(asset, PositionMode.ONE_WAY, null, asset + "-" + i, "o-" + i,
                        random.nextBoolean() ? Side.BUY : Side.SELL, new BigDecimal(quantity), new BigDecimal(price),
                        new BigDecimal("0.00001"), at, null, "BTC",
                        random.nextInt(3) == 0 ? CloseReason.LIQUIDATED : null));
            } else if (kind == 3) {
                // each hedge leg only grows here: a leg cannot flip
                int leg = random.nextBoolean() ? 1 : 2;
                fill(asset, PositionMode.HEDGE, leg, asset + "-" + i, leg == 1 ? Side.BUY : Side.SELL, quantity, price,
                        "0.02", at);
            } else if (kind == 4) {
                report(asset, PositionMode.HEDGE, 1 + random.nextInt(2), "0", null, price,
                        Integer.toString(random.nextInt(50) - 25), "0", i + 1, at);
            } else {
                report(asset, PositionMode.ONE_WAY, 0, "0", null, price, Integer.toString(random.nextInt(50) - 25),
                        "0", i + 1, at);
            }
        }
        awaitProjections();

        int compared = 0;
        for (String asset : assets) {
            for (PositionMode mode : PositionMode.values()) {
                Response live = get("/api/v1/positions/" + asset + "?mode=" + mode.wireName());
                if (live.status() == 404) {
                    continue;
                }
                Response asOf = asOf(asset, mode, Instant.now(), true, null);
                assertThat(asOf.status()).isEqualTo(200);
                for (String field : FIELDS) {
                    assertSame(asset + " " + mode + " " + field, live.body().get(field), asOf.body().get(field));
                }
                assertThat(asOf.body().get("time_held_minutes").asLong())
                        .isBetween(live.body().get("time_held_minutes").asLong(),
                                live.body().get("time_held_minutes").asLong() + 1);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(4);
    }

    private static void assertSame(String what, JsonNode live, JsonNode asOf) {
        if (live == null || live.isNull()) {
            assertThat(asOf == null || asOf.isNull()).as(what).isTrue();
        } else if (live.isTextual() && isDecimal(live.asText())) {
            assertThat(new BigDecimal(asOf.asText())).as(what).isEqualByComparingTo(live.asText());
        } else {
            assertThat(asOf).as(what).isEqualTo(live);
        }
    }

    private static boolean isDecimal(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
