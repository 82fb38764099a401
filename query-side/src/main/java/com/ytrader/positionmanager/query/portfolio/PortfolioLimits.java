package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.limits.LimitCheck;
import com.ytrader.positionmanager.query.limits.LimitRules;
import com.ytrader.positionmanager.query.position.PositionFilter;
import com.ytrader.positionmanager.query.position.PositionRepository;
import com.ytrader.positionmanager.query.position.PositionRow;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio's {@code limits}: its own limit (total exposure) whether exceeded or not, and each position's limit
 * that is exceeded (a position's others are in its own answer). Judged once per change of the totals, like
 * the rendered portfolio: the per-position ones read every position.
 */
@Component
class PortfolioLimits {

    private record Judged(PortfolioTotals totals, List<LimitCheck> checks) {
    }

    private final LimitRules rules;
    private final PositionRepository positions;
    private volatile Judged judged;

    PortfolioLimits(LimitRules rules, PositionRepository positions) {
        this.rules = rules;
        this.positions = positions;
    }

    /** The limits of the whole portfolio, judged with these metrics' total exposure. */
    List<LimitCheck> of(PortfolioTotals metrics) {
        Judged current = judged;
        if (current == null || current.totals() != metrics) {
            current = new Judged(metrics, judge(metrics));
            judged = current;
        }
        return current.checks();
    }

    /** The portfolio's own limits and the exceeded limits of {@code asset}'s positions only. */
    List<LimitCheck> of(PortfolioTotals metrics, String asset) {
        return of(metrics).stream().filter(check -> check.asset() == null || check.asset().equals(asset)).toList();
    }

    private List<LimitCheck> judge(PortfolioTotals metrics) {
        List<LimitCheck> checks = new ArrayList<>(rules.ofPortfolio(metrics.totalExposure()));
        if (rules.anyPerPosition()) {
            for (PositionRow row : positions.findAll(new PositionFilter(null, null, null, null))) {
                MlFeatures features = MlFeatures.of(row.featureInputs(), metrics.totalExposure(),
                        metrics.calculatedAt());
                rules.ofPosition(row.asset(), row.mode(), row.featureInputs(), features).stream()
                        .filter(LimitCheck::exceeded).forEach(checks::add);
            }
        }
        return List.copyOf(checks);
    }
}
