package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionFigures;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.position.PositionRepository.FiguresWrite;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code positions} rows a batch of the read-model processor writes. Figures are held until the batch commits,
 * one pending row per position (its latest event's), so a batch with a thousand events of a hundred positions writes
 * a hundred rows, in one statement batch. Whatever else touches a row (a snapshot mark, a read) first writes that
 * position's pending figures: every write and read sees the row exactly as the events before it left it.
 */
@Component
class PositionWrites {

    private final PositionRepository positions;
    private final BatchBuffer<Map<String, FiguresWrite>> pending;

    PositionWrites(PositionRepository positions) {
        this.positions = positions;
        this.pending = new BatchBuffer<>(PositionWrites.class.getName(), LinkedHashMap::new, rows -> {
            if (!rows.isEmpty()) {
                positions.record(rows.values());
            }
        });
    }

    /** The figures after event {@code version} of the position, recorded at {@code at}. */
    void record(String positionKey, String asset, PositionMode mode, PositionFigures figures, long version,
                Instant at) {
        pending.current().merge(positionKey, new FiguresWrite(positionKey, asset, mode, figures, version, at, at),
                (earlier, later) -> new FiguresWrite(positionKey, asset, mode, later.figures(), later.version(),
                        earlier.createdAt(), later.at()));
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
        FiguresWrite row = pending.current().remove(positionKey);
        if (row != null) {
            positions.record(List.of(row));
        }
    }
}
