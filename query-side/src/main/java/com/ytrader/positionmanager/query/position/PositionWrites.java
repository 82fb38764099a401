package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.portfolio.PortfolioMetricsCache;
import com.ytrader.positionmanager.query.processing.BatchBuffer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code positions} rows a batch of the positions processing group writes. Figures are held until the batch
 * commits, one pending row per position (its latest event's), so a batch with a thousand events of a hundred
 * positions writes a hundred rows. Whatever else touches a row (a snapshot mark, a read) first writes that
 * position's pending figures: every write and read sees the row exactly as the events before it left it.
 */
@Component
class PositionWrites {

    /** The latest figures of a position in this batch; {@code firstAt} is the batch's first event of it. */
    private record Pending(String positionKey, String asset, PositionMode mode, PositionFigures figures, long version,
                           Instant firstAt, Instant at) {
    }

    private final PositionRepository positions;
    private final BatchBuffer<Map<String, Pending>> pending;

    PositionWrites(PositionRepository positions, PortfolioMetricsCache portfolio) {
        this.positions = positions;
        this.pending = new BatchBuffer<>(PositionWrites.class.getName(), LinkedHashMap::new, rows -> {
            rows.values().forEach(this::write);
            portfolio.invalidateAfterCommit();
        });
    }

    /** The figures after event {@code version} of the position, recorded at {@code at}. */
    void record(String positionKey, String asset, PositionMode mode, PositionFigures figures, long version,
                Instant at) {
        pending.current().merge(positionKey, new Pending(positionKey, asset, mode, figures, version, at, at),
                (earlier, later) -> new Pending(positionKey, asset, mode, later.figures(), later.version(),
                        earlier.firstAt(), later.at()));
    }

    /** Marks a snapshot taken at {@code at} by event {@code version}. */
    void recordSnapshot(String positionKey, Instant at, long version) {
        writePending(positionKey);
        positions.recordSnapshot(positionKey, at, version);
    }

    /** The row as the events handled so far left it. */
    Optional<PositionRow> find(String positionKey) {
        writePending(positionKey);
        return positions.find(positionKey);
    }

    private void writePending(String positionKey) {
        Pending row = pending.current().remove(positionKey);
        if (row != null) {
            write(row);
        }
    }

    private void write(Pending row) {
        positions.record(row.positionKey(), row.asset(), row.mode(), row.figures(), row.version(), row.firstAt(),
                row.at());
    }
}
