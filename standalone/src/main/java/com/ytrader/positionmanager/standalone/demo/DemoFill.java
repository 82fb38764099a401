package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.events.Side;

import java.math.BigDecimal;

/** One execution the demo trader makes, at the mark price of its tick. */
record DemoFill(String asset, Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
}
