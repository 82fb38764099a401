package com.ytrader.positionmanager.command.position;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * How exchange reports and fills are reconciled (spec 3.1.2), from {@code POSITION_MANAGER_*} settings.
 *
 * @param avgPriceDiffThreshold   relative difference above which the exchange's entry price replaces ours
 * @param sizeValidationThreshold absolute size difference above which a discrepancy is recorded
 * @param useWsAvgPrice           whether the exchange's entry price may replace ours at all
 */
@ConfigurationProperties("position-manager")
public record ReconciliationPolicy(
        BigDecimal avgPriceDiffThreshold,
        BigDecimal sizeValidationThreshold,
        SizeSource sizeSource,
        boolean useWsAvgPrice) {

    public static ReconciliationPolicy defaults() {
        return new ReconciliationPolicy(new BigDecimal("0.001"), new BigDecimal("0.0001"), SizeSource.FILLS, true);
    }

    public ReconciliationPolicy withSizeSource(SizeSource source) {
        return new ReconciliationPolicy(avgPriceDiffThreshold, sizeValidationThreshold, source, useWsAvgPrice);
    }
}
