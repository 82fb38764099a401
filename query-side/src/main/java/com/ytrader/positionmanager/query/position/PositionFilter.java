package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.events.PositionMode;

import java.math.BigDecimal;

/** Which positions a list request wants; every part is optional. Sizes compare with the signed net size. */
public record PositionFilter(String asset, PositionMode mode, BigDecimal sizeMin, BigDecimal sizeMax) {
}
