package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.CloseReason;
import com.ytrader.positionmanager.events.LegFigures;
import com.ytrader.positionmanager.events.LifecycleFigures;
import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionFieldsTest {

    private static LifecycleFigures liquidated(Instant closedAt) {
        return new LifecycleFigures(1, Instant.EPOCH, closedAt, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.ZERO, BigDecimal.ZERO, 2, CloseReason.LIQUIDATED);
    }

    @Test
    void the_close_reason_shows_only_while_the_position_is_flat() {
        PositionFigures flat = new PositionFigures(List.of(LegFigures.flat(0)), null, BigDecimal.ZERO, 2,
                liquidated(Instant.EPOCH.plusSeconds(60)));
        PositionFigures reopened = new PositionFigures(
                List.of(new LegFigures(0, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO)), null,
                BigDecimal.ZERO, 3, liquidated(null));

        assertThat(PositionFields.of(flat).closeReason()).isEqualTo(CloseReason.LIQUIDATED);
        assertThat(PositionFields.of(reopened).closeReason()).isNull();
    }

    @Test
    void the_fields_are_the_figures_derivations() {
        PositionFigures hedge = new PositionFigures(List.of(
                new LegFigures(1, new BigDecimal("2"), new BigDecimal("100"), BigDecimal.ONE, BigDecimal.ZERO),
                new LegFigures(2, new BigDecimal("-1"), new BigDecimal("110"), BigDecimal.ONE, BigDecimal.ONE)),
                new BigDecimal("105"), new BigDecimal("0.5"), 2, LifecycleFigures.none());

        PositionFields fields = PositionFields.of(hedge);

        assertThat(fields.size()).isEqualByComparingTo("1");
        assertThat(fields.averageEntryPrice()).isNull();
        assertThat(fields.shortSize()).isEqualByComparingTo("1");
        assertThat(fields.currentPrice()).isEqualByComparingTo("105");
        assertThat(fields.totalFees()).isEqualByComparingTo("0.5");
        assertThat(fields.exchangeSeq()).isNull();
    }

    record Shown(String asset, @JsonUnwrapped PositionFields fields, long version) {
    }

    @Test
    void a_record_that_unwraps_the_fields_shows_them_in_place_by_their_snake_case_names() {
        JsonNode json = new ObjectMapper().valueToTree(
                new Shown("BTCUSDT", PositionFields.of(PositionFigures.flat(PositionMode.ONE_WAY)), 3));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("asset", "size", "average_entry_price", "current_price", "unrealized_pnl",
                "realized_pnl", "long_size", "short_size", "long_entry_price", "short_entry_price",
                "long_realized_pnl", "short_realized_pnl", "exchange_size", "exchange_realized_pnl", "exchange_seq",
                "total_fees", "fees_by_currency", "close_reason", "price_source", "price_updated_at",
                "break_even_price", "exchange_break_even_price", "leverage", "liq_price", "liq_price_estimated",
                "position_value", "position_status", "liquidation_distance_pct", "version");
    }
}
