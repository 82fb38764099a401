package com.ytrader.positionmanager.query.limits;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The tables {@code limit_positions} and {@code limits_exceeded}: the limit evaluator's state. */
@Repository
class LimitStateRepository {

    private static final String SAVE_POSITION = """
            INSERT INTO limit_positions (position_key, asset, mode, size, current_price, unrealized_pnl, entry_notional)
            VALUES (:positionKey, :asset, :mode, :size, :currentPrice, :unrealizedPnl, :entryNotional)
            ON CONFLICT (position_key) DO UPDATE SET size = EXCLUDED.size, current_price = EXCLUDED.current_price,
                unrealized_pnl = EXCLUDED.unrealized_pnl, entry_notional = EXCLUDED.entry_notional
            """;

    private final NamedParameterJdbcTemplate jdbc;

    LimitStateRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole state, read once per batch of the evaluator (in its transaction). */
    LimitState load(LimitRules rules) {
        Map<String, LimitState.Tracked> positions = new HashMap<>();
        jdbc.getJdbcTemplate().query("SELECT position_key, asset, mode, size, current_price, unrealized_pnl, "
                + "entry_notional FROM limit_positions", rs -> {
            positions.put(rs.getString("position_key"), LimitState.Tracked.of(rs.getString("asset"),
                    PositionMode.fromWireName(rs.getString("mode")),
                    new FeatureInputs(rs.getBigDecimal("size"), rs.getBigDecimal("current_price"),
                            rs.getBigDecimal("unrealized_pnl"), rs.getBigDecimal("entry_notional"), null)));
        });
        Set<LimitState.Breach> exceeded = new HashSet<>();
        jdbc.getJdbcTemplate().query("SELECT limit_name, position_key FROM limits_exceeded", rs -> {
            exceeded.add(new LimitState.Breach(Limit.fromWireName(rs.getString("limit_name")),
                    rs.getString("position_key")));
        });
        return new LimitState(rules, positions, exceeded);
    }

    /** What a batch changed, in its transaction: the token moves with it or neither does. */
    void save(LimitState state) {
        jdbc.batchUpdate(SAVE_POSITION, state.changedPositions().entrySet().stream()
                .map(entry -> new MapSqlParameterSource("positionKey", entry.getKey())
                        .addValue("asset", entry.getValue().asset())
                        .addValue("mode", entry.getValue().mode().wireName())
                        .addValue("size", entry.getValue().inputs().size())
                        .addValue("currentPrice", entry.getValue().inputs().currentPrice())
                        .addValue("unrealizedPnl", entry.getValue().inputs().unrealizedPnl())
                        .addValue("entryNotional", entry.getValue().inputs().entryNotional()))
                .toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("DELETE FROM limits_exceeded WHERE limit_name = :limit AND position_key = :positionKey",
                breaches(state.noLongerExceeded()));
        jdbc.batchUpdate("INSERT INTO limits_exceeded (limit_name, position_key) VALUES (:limit, :positionKey)",
                breaches(state.newlyExceeded()));
    }

    private static MapSqlParameterSource[] breaches(Collection<LimitState.Breach> breaches) {
        return breaches.stream().map(breach -> new MapSqlParameterSource("limit", breach.limit().wireName())
                .addValue("positionKey", breach.positionKey())).toArray(MapSqlParameterSource[]::new);
    }

    /** Empties the state, before the evaluator's processor is replayed from the first event. */
    void deleteAll() {
        jdbc.getJdbcTemplate().execute("TRUNCATE limit_positions, limits_exceeded");
    }
}
