package com.ytrader.positionmanager.exchange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution of {@code GET /v5/execution/list}: a fill, or a funding, settlement or delivery ({@code execType}).
 * Optional figures the exchange leaves empty are {@code null}.
 *
 * @param execFee    positive when paid, negative for a maker rebate, in {@code feeCurrency}
 * @param closedSize the closing part of the execution
 * @param seq        the symbol's cross sequence, shared by the executions of one match
 */
public record BybitExecution(String execId, String symbol, String orderId, String orderLinkId, String side,
                             BigDecimal execQty, BigDecimal execPrice, BigDecimal execFee, String feeCurrency,
                             String execType, String createType, BigDecimal closedSize, Long seq,
                             Instant execTime) {
}
