package com.ytrader.positionmanager.command.position;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How exchange reports and fills are reconciled (docs/ingest.md), from {@code POSITION_MANAGER_*} settings.
 *
 * @param avgPriceDiffThreshold   relative difference above which the exchange's entry price replaces ours
 * @param sizeValidationThreshold absolute size difference above which a discrepancy is recorded
 * @param useWsAvgPrice           whether the exchange's entry price may replace ours at all
 * @param reconcileGrace          how long a size difference may wait for the executions that could explain it
 *                                before it is a confirmed discrepancy
 */
@ConfigurationProperties("position-manager")
public record ReconciliationPolicy(
        BigDecimal avgPriceDiffThreshold,
        BigDecimal sizeValidationThreshold,
        SizeSource sizeSource,
        boolean useWsAvgPrice,
        Duration reconcileGrace) {

    public static ReconciliationPolicy defaults() {
        return new ReconciliationPolicy(new BigDecimal("0.001"), new BigDecimal("0.0001"), SizeSource.FILLS, true,
                Duration.ofSeconds(30));
    }

    public ReconciliationPolicy withSizeSource(SizeSource source) {
        return new ReconciliationPolicy(avgPriceDiffThreshold, sizeValidationThreshold, source, useWsAvgPrice,
                reconcileGrace);
    }

    boolean differs(BigDecimal reportedSize, BigDecimal ourSize) {
        return reportedSize.subtract(ourSize).abs().compareTo(sizeValidationThreshold) > 0;
    }
}
