package com.ytrader.positionmanager.query.training;

import com.ytrader.positionmanager.api.PositionFields;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.asof.AsOfResponse;
import com.ytrader.positionmanager.query.position.PositionResponse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;

/**
 * One result line of the training batch, as NDJSON (the as-of response's JSON, one object a line) or CSV, written
 * straight into a {@link TextLine}: at a million rows a request, Jackson's per-object serialization through the
 * unwrapped records was a large part of the time.
 */
sealed interface TrainingFormat {

    String NDJSON_VALUE = "application/x-ndjson";

    String contentType();

    byte[] header();

    /** A row with the state: {@code row}, {@code found} and every field of the as-of response. */
    void found(int row, AsOfResponse state, TextLine line);

    /** A row asked for an instant before the position's first event. */
    void missing(int row, String asset, PositionMode mode, Instant asOf, TextLine line);

    /**
     * The very bytes the API's object mapper writes for {@code {row, found, ...as-of response}}: its field order,
     * decimals as strings, instants in ISO-8601, nulls written; {@code TrainingBatchTest} holds the two together.
     */
    record NdJson() implements TrainingFormat {

        @Override
        public String contentType() {
            return NDJSON_VALUE;
        }

        @Override
        public byte[] header() {
            return new byte[0];
        }

        @Override
        public void found(int row, AsOfResponse state, TextLine line) {
            PositionResponse p = state.position();
            line.ascii("{\"row\":").number(row).ascii(",\"found\":true,\"id\":\"").ascii(p.id().toString())
                    .ascii("\",\"asset\":\"").ascii(p.asset()).ascii('"');
            line.ascii(",\"mode\":\"").ascii(p.mode().wireName()).ascii('"');
            PositionFields f = p.fields();
            decimal(line, "size", f.size());
            decimal(line, "average_entry_price", f.averageEntryPrice());
            decimal(line, "current_price", f.currentPrice());
            decimal(line, "unrealized_pnl", f.unrealizedPnl());
            decimal(line, "realized_pnl", f.realizedPnl());
            decimal(line, "long_size", f.longSize());
            decimal(line, "short_size", f.shortSize());
            decimal(line, "long_entry_price", f.longEntryPrice());
            decimal(line, "short_entry_price", f.shortEntryPrice());
            decimal(line, "long_realized_pnl", f.longRealizedPnl());
            decimal(line, "short_realized_pnl", f.shortRealizedPnl());
            decimal(line, "exchange_size", f.exchangeSize());
            decimal(line, "exchange_realized_pnl", f.exchangeRealizedPnl());
            number(line, "exchange_seq", f.exchangeSeq());
            decimal(line, "total_fees", f.totalFees());
            name(line, "fees_by_currency");
            fees(line, f.feesByCurrency());
            name(line, "close_reason");
            if (f.closeReason() == null) {
                line.ascii("null");
            } else {
                line.ascii('"').ascii(f.closeReason().wireName()).ascii('"');
            }
            text(line, "price_source", f.priceSource() == null ? null : f.priceSource().wireName());
            instant(line, "price_updated_at", f.priceUpdatedAt());
            decimal(line, "break_even_price", f.breakEvenPrice());
            decimal(line, "exchange_break_even_price", f.exchangeBreakEvenPrice());
            decimal(line, "leverage", f.leverage());
            decimal(line, "liq_price", f.liqPrice());
            name(line, "liq_price_estimated").ascii(f.liqPriceEstimated() == null ? "null"
                    : f.liqPriceEstimated() ? "true" : "false");
            decimal(line, "position_value", f.positionValue());
            text(line, "position_status", f.positionStatus() == null ? null : f.positionStatus().wireName());
            decimal(line, "liquidation_distance_pct", f.liquidationDistancePct());
            decimal(line, "unrealized_pnl_pct", p.unrealizedPnlPct());
            number(line, "time_held_minutes", p.timeHeldMinutes());
            decimal(line, "position_size_norm", p.positionSizeNorm());
            name(line, "price_stale").ascii(p.priceStale() ? "true" : "false");
            name(line, "version").number(p.version());
            instant(line, "created_at", p.createdAt());
            instant(line, "opened_at", p.openedAt());
            instant(line, "last_updated", p.lastUpdated());
            instant(line, "closed_at", p.closedAt());
            instant(line, "last_snapshot_at", p.lastSnapshotAt());
            name(line, "sequence_number").number(state.sequenceNumber());
            instant(line, "as_of", state.asOf());
            name(line, "inclusive").ascii(state.inclusive() ? "true" : "false");
            instant(line, "known_at", state.knownAt());
            line.ascii("}\n");
        }

        @Override
        public void missing(int row, String asset, PositionMode mode, Instant asOf, TextLine line) {
            line.ascii("{\"row\":").number(row).ascii(",\"found\":false,\"asset\":\"").ascii(asset)
                    .ascii("\",\"mode\":\"").ascii(mode.wireName()).ascii('"');
            instant(line, "as_of", asOf);
            line.ascii("}\n");
        }

        private static TextLine name(TextLine line, String name) {
            return line.ascii(",\"").ascii(name).ascii("\":");
        }

        private static void number(TextLine line, String name, Long value) {
            name(line, name);
            if (value == null) {
                line.ascii("null");
            } else {
                line.number(value);
            }
        }

        /** {@code {"BTC":"0.0001",...}}: currency by currency in their sorted order, decimals as strings. */
        static void fees(TextLine line, SortedMap<String, BigDecimal> fees) {
            line.ascii('{');
            boolean first = true;
            for (Map.Entry<String, BigDecimal> fee : fees.entrySet()) {
                if (!first) {
                    line.ascii(',');
                }
                first = false;
                line.ascii('"').jsonString(fee.getKey()).ascii("\":\"").decimal(fee.getValue()).ascii('"');
            }
            line.ascii('}');
        }

        private static void text(TextLine line, String name, String value) {
            name(line, name);
            if (value == null) {
                line.ascii("null");
            } else {
                line.ascii('"').jsonString(value).ascii('"');
            }
        }

        private static void decimal(TextLine line, String name, BigDecimal value) {
            name(line, name);
            if (value == null) {
                line.ascii("null");
            } else {
                line.ascii('"').decimal(value).ascii('"');
            }
        }

        private static void instant(TextLine line, String name, Instant value) {
            name(line, name);
            if (value == null) {
                line.ascii("null");
            } else {
                line.ascii('"').instant(value).ascii('"');
            }
        }
    }

    record Csv() implements TrainingFormat {

        /**
         * Columns added later come last, so that readers keep the positions they know; {@code fees_by_currency} (the
         * JSON object of the NDJSON line, as one quoted field) is the very last, so that even a reader that splits on
         * every comma finds all the others.
         */
        static final String HEADER = "row,found,asset,mode,as_of,sequence_number,size,average_entry_price,"
                + "current_price,unrealized_pnl,realized_pnl,long_size,short_size,unrealized_pnl_pct,"
                + "time_held_minutes,position_size_norm,version,created_at,opened_at,last_updated,closed_at,"
                + "last_snapshot_at,long_entry_price,short_entry_price,long_realized_pnl,short_realized_pnl,"
                + "exchange_size,exchange_realized_pnl,exchange_seq,total_fees,close_reason,price_source,"
                + "price_updated_at,price_stale,break_even_price,exchange_break_even_price,leverage,liq_price,"
                + "liq_price_estimated,position_value,position_status,liquidation_distance_pct,fees_by_currency\n";

        @Override
        public String contentType() {
            return "text/csv";
        }

        @Override
        public byte[] header() {
            return HEADER.getBytes(StandardCharsets.UTF_8);
        }

        /** Decimals and instants as the JSON API writes them; an empty cell for null. */
        @Override
        public void found(int row, AsOfResponse state, TextLine line) {
            PositionResponse p = state.position();
            PositionFields f = p.fields();
            line.number(row).ascii(",true,").ascii(p.asset()).ascii(',').ascii(p.mode().wireName()).ascii(',')
                    .instant(state.asOf()).ascii(',').number(state.sequenceNumber());
            for (BigDecimal value : new BigDecimal[]{f.size(), f.averageEntryPrice(), f.currentPrice(),
                    f.unrealizedPnl(), f.realizedPnl(), f.longSize(), f.shortSize(), p.unrealizedPnlPct()}) {
                decimal(line, value);
            }
            line.ascii(',');
            if (p.timeHeldMinutes() != null) {
                line.number(p.timeHeldMinutes());
            }
            decimal(line, p.positionSizeNorm());
            line.ascii(',').number(p.version());
            for (Instant value : new Instant[]{p.createdAt(), p.openedAt(), p.lastUpdated(), p.closedAt(),
                    p.lastSnapshotAt()}) {
                instant(line, value);
            }
            for (BigDecimal value : new BigDecimal[]{f.longEntryPrice(), f.shortEntryPrice(), f.longRealizedPnl(),
                    f.shortRealizedPnl(), f.exchangeSize(), f.exchangeRealizedPnl()}) {
                decimal(line, value);
            }
            line.ascii(',');
            if (f.exchangeSeq() != null) {
                line.number(f.exchangeSeq());
            }
            decimal(line, f.totalFees());
            text(line, f.closeReason() == null ? null : f.closeReason().wireName());
            text(line, f.priceSource() == null ? null : f.priceSource().wireName());
            instant(line, f.priceUpdatedAt());
            text(line, Boolean.toString(p.priceStale()));
            for (BigDecimal value : new BigDecimal[]{f.breakEvenPrice(), f.exchangeBreakEvenPrice(), f.leverage(),
                    f.liqPrice()}) {
                decimal(line, value);
            }
            text(line, f.liqPriceEstimated() == null ? null : f.liqPriceEstimated().toString());
            decimal(line, f.positionValue());
            text(line, f.positionStatus() == null ? null : f.positionStatus().wireName());
            decimal(line, f.liquidationDistancePct());
            line.ascii(',');
            if (f.feesByCurrency().isEmpty()) {
                line.ascii("{}");
            } else {
                TextLine fees = new TextLine();
                NdJson.fees(fees, f.feesByCurrency());
                line.csvQuoted(fees);
            }
            line.ascii('\n');
        }

        /** A comma, then the value's cell: empty for null. The text of ASCII words only (enums, booleans). */
        private static void text(TextLine line, String word) {
            line.ascii(',');
            if (word != null) {
                line.ascii(word);
            }
        }

        private static void decimal(TextLine line, BigDecimal value) {
            line.ascii(',');
            if (value != null) {
                line.decimal(value);
            }
        }

        private static void instant(TextLine line, Instant value) {
            line.ascii(',');
            if (value != null) {
                line.instant(value);
            }
        }

        @Override
        public void missing(int row, String asset, PositionMode mode, Instant asOf, TextLine line) {
            line.number(row).ascii(",false,").ascii(asset).ascii(',').ascii(mode.wireName()).ascii(',')
                    .instant(asOf).ascii(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n");
        }
    }
}
