package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.PositionResponse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One result line of the training batch, as NDJSON (the as-of response's JSON, one object a line) or CSV, written
 * straight into a {@link TextLine}: at a million rows a request, Jackson's per-object serialization through the
 * unwrapped records was a large part of the time.
 */
sealed interface TrainingFormat {

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
            return "application/x-ndjson";
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
            decimal(line, "size", p.size());
            decimal(line, "average_entry_price", p.averageEntryPrice());
            decimal(line, "current_price", p.currentPrice());
            decimal(line, "unrealized_pnl", p.unrealizedPnl());
            decimal(line, "realized_pnl", p.realizedPnl());
            line.ascii(",\"mode\":\"").ascii(p.mode().wireName()).ascii('"');
            decimal(line, "long_size", p.longSize());
            decimal(line, "short_size", p.shortSize());
            decimal(line, "unrealized_pnl_pct", p.unrealizedPnlPct());
            name(line, "time_held_minutes");
            if (p.timeHeldMinutes() == null) {
                line.ascii("null");
            } else {
                line.number(p.timeHeldMinutes());
            }
            decimal(line, "position_size_norm", p.positionSizeNorm());
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

        static final String HEADER = "row,found,asset,mode,as_of,sequence_number,size,average_entry_price,"
                + "current_price,unrealized_pnl,realized_pnl,long_size,short_size,unrealized_pnl_pct,"
                + "time_held_minutes,position_size_norm,version,created_at,opened_at,last_updated,closed_at,"
                + "last_snapshot_at\n";

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
            line.number(row).ascii(",true,").ascii(p.asset()).ascii(',').ascii(p.mode().wireName()).ascii(',')
                    .instant(state.asOf()).ascii(',').number(state.sequenceNumber());
            for (BigDecimal value : new BigDecimal[]{p.size(), p.averageEntryPrice(), p.currentPrice(),
                    p.unrealizedPnl(), p.realizedPnl(), p.longSize(), p.shortSize(), p.unrealizedPnlPct()}) {
                line.ascii(',');
                if (value != null) {
                    line.decimal(value);
                }
            }
            line.ascii(',');
            if (p.timeHeldMinutes() != null) {
                line.number(p.timeHeldMinutes());
            }
            line.ascii(',');
            if (p.positionSizeNorm() != null) {
                line.decimal(p.positionSizeNorm());
            }
            line.ascii(',').number(p.version());
            for (Instant value : new Instant[]{p.createdAt(), p.openedAt(), p.lastUpdated(), p.closedAt(),
                    p.lastSnapshotAt()}) {
                line.ascii(',');
                if (value != null) {
                    line.instant(value);
                }
            }
            line.ascii('\n');
        }

        @Override
        public void missing(int row, String asset, PositionMode mode, Instant asOf, TextLine line) {
            line.number(row).ascii(",false,").ascii(asset).ascii(',').ascii(mode.wireName()).ascii(',')
                    .instant(asOf).ascii(",,,,,,,,,,,,,,,,,\n");
        }
    }
}
