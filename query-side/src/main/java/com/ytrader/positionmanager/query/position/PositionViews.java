package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.limits.LimitRules;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Turns read-model rows into API positions, with features and limits against the current total exposure. */
@Component
public class PositionViews {

    private final TotalExposure portfolio;
    private final PriceStaleness staleness;
    private final LimitRules limits;

    public PositionViews(TotalExposure portfolio, PriceStaleness staleness, LimitRules limits) {
        this.portfolio = portfolio;
        this.staleness = staleness;
        this.limits = limits;
    }

    public PositionResponse view(PositionRow row) {
        return view(row, portfolio.totalExposure(), Instant.now());
    }

    public List<PositionResponse> view(List<PositionRow> rows) {
        BigDecimal totalExposure = portfolio.totalExposure();
        Instant now = Instant.now();
        return rows.stream().map(row -> view(row, totalExposure, now)).toList();
    }

    private PositionResponse view(PositionRow row, BigDecimal totalExposure, Instant now) {
        MlFeatures features = MlFeatures.of(row.featureInputs(), totalExposure, now);
        return PositionResponse.of(row, features, staleness, now,
                limits.ofPosition(row.asset(), row.mode(), row.featureInputs(), features));
    }
}
