package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.FillApplied;
import com.ytrader.positionmanager.events.FillLinked;
import com.ytrader.positionmanager.messaging.BatchBuffer;
import com.ytrader.positionmanager.query.processing.JdbcTimes;
import com.ytrader.positionmanager.query.processing.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Links each fill to its position in {@code position_orders} with the relationship the aggregate
 * decided. One row per fill id: a replay inserts nothing twice. A batch's links are inserted together.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
class PositionOrderProjection {

    private static final String LINK = """
            INSERT INTO position_orders (id, position_id, order_id, fill_id, relationship_type, size_delta,
                execution_price, executed_at)
            VALUES (:id, :positionId, :orderId, :fillId, :relationship, :sizeDelta, :price, :executedAt)
            ON CONFLICT (position_id, fill_id) DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final BatchBuffer<List<MapSqlParameterSource>> pendingLinks;

    PositionOrderProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.pendingLinks = new BatchBuffer<>(PositionOrderProjection.class.getName(), ArrayList::new,
                links -> jdbc.batchUpdate(LINK, links.toArray(MapSqlParameterSource[]::new)));
    }

    @EventHandler
    void on(FillApplied event) {
        link(event.positionId(), event.orderId(), event.fillId(), event.relationship().wireName(), event.sizeDelta(),
                event.price(), event.executedAt());
    }

    /** With the exchange owning the size a fill changes nothing; its delta is what it traded, signed. */
    @EventHandler
    void on(FillLinked event) {
        link(event.positionId(), event.orderId(), event.fillId(), event.relationship().wireName(),
                event.side().signed(event.quantity()), event.price(), event.executedAt());
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE position_orders");
    }

    private void link(String positionKey, String orderId, String fillId, String relationship, BigDecimal sizeDelta,
                      BigDecimal price, Instant executedAt) {
        pendingLinks.current().add(new MapSqlParameterSource()
                .addValue("id", PositionIds.of(positionKey, "fill:" + fillId))
                .addValue("positionId", PositionIds.of(positionKey))
                .addValue("orderId", orderId)
                .addValue("fillId", fillId)
                .addValue("relationship", relationship)
                .addValue("sizeDelta", sizeDelta)
                .addValue("price", price)
                .addValue("executedAt", JdbcTimes.utc(executedAt)));
    }
}
