package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExposureResponse(BigDecimal totalExposureUsdt, long stalePricesCount, Instant calculatedAt) {
}
