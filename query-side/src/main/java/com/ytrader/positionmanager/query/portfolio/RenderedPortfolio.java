package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;

/**
 * The whole-portfolio response as JSON bytes, rendered once per computation of the metrics: {@code by_asset}
 * of thousands of assets costs far more to serialize than anything else in a request.
 */
@Component
class RenderedPortfolio {

    private record Rendered(PortfolioMetrics metrics, byte[] json) {
    }

    private final ObjectMapper json;
    private final PortfolioLimits limits;
    private volatile Rendered rendered;

    RenderedPortfolio(ObjectMapper json, PortfolioLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    byte[] of(PortfolioMetrics metrics) {
        Rendered current = rendered;
        if (current == null || current.metrics() != metrics) {
            current = new Rendered(metrics, render(metrics));
            rendered = current;
        }
        return current.json();
    }

    private byte[] render(PortfolioMetrics metrics) {
        try {
            return json.writeValueAsBytes(PortfolioResponse.of(metrics, null, limits.of(metrics.totals())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
