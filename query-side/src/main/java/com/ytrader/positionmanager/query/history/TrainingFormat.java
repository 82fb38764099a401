package com.ytrader.positionmanager.query.history;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.PositionResponse;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One result line of the training batch, as NDJSON (the API's JSON, one object a line) or CSV. */
sealed interface TrainingFormat {

    String contentType();

    byte[] header();

    byte[] found(int row, AsOfResponse state);

    byte[] missing(int row, String asset, PositionMode mode, Instant asOf);

    /** A row with the state: {@code row}, {@code found} and every field of the as-of response. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Found(int row, boolean found, @JsonUnwrapped AsOfResponse state) {
    }

    /** A row asked for an instant before the position's first event. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Missing(int row, boolean found, String asset, PositionMode mode, Instant asOf) {
    }

    record NdJson(ObjectMapper json) implements TrainingFormat {

        @Override
        public String contentType() {
            return "application/x-ndjson";
        }

        @Override
        public byte[] header() {
            return new byte[0];
        }

        @Override
        public byte[] found(int row, AsOfResponse state) {
            return line(new Found(row, true, state));
        }

        @Override
        public byte[] missing(int row, String asset, PositionMode mode, Instant asOf) {
            return line(new Missing(row, false, asset, mode, asOf));
        }

        private byte[] line(Object value) {
            try {
                byte[] object = json.writeValueAsBytes(value);
                byte[] line = new byte[object.length + 1];
                System.arraycopy(object, 0, line, 0, object.length);
                line[object.length] = '\n';
                return line;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
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

        @Override
        public byte[] found(int row, AsOfResponse state) {
            PositionResponse p = state.position();
            StringBuilder line = new StringBuilder(256).append(row).append(",true,").append(p.asset()).append(',')
                    .append(p.mode().wireName()).append(',').append(state.asOf()).append(',')
                    .append(state.sequenceNumber());
            for (Object value : new Object[]{p.size(), p.averageEntryPrice(), p.currentPrice(), p.unrealizedPnl(),
                    p.realizedPnl(), p.longSize(), p.shortSize(), p.unrealizedPnlPct(), p.timeHeldMinutes(),
                    p.positionSizeNorm(), p.version(), p.createdAt(), p.openedAt(), p.lastUpdated(), p.closedAt(),
                    p.lastSnapshotAt()}) {
                line.append(',').append(text(value));
            }
            return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] missing(int row, String asset, PositionMode mode, Instant asOf) {
            return (row + ",false," + asset + "," + mode.wireName() + "," + asOf + ",,,,,,,,,,,,,,,,,\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** Decimals as the JSON API writes them; an empty cell for null. */
        private static String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.stripTrailingZeros().toPlainString();
            }
            return value.toString();
        }
    }
}
