package com.ytrader.positionmanager.query.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The whole-portfolio response as JSON bytes, rendered once per change of the metrics: {@code by_asset} of thousands
 * of assets costs far more to serialize than anything else in a request. Compressed once too, for the clients that
 * accept gzip: the body of 10,000 assets is about a megabyte, most of it repeated keys.
 */
@Component
class RenderedPortfolio {

    /** @param gzip the JSON compressed, once a client accepting gzip asked; else null */
    private record Rendered(PortfolioMetrics metrics, byte[] json, byte[] gzip) {
    }

    private final ObjectMapper json;
    private final PortfolioLimits limits;
    private volatile Rendered rendered;

    RenderedPortfolio(ObjectMapper json, PortfolioLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    byte[] of(PortfolioMetrics metrics) {
        return current(metrics).json();
    }

    byte[] gzipOf(PortfolioMetrics metrics) {
        Rendered current = current(metrics);
        if (current.gzip() == null) {
            current = new Rendered(metrics, current.json(), gzip(current.json()));
            rendered = current;
        }
        return current.gzip();
    }

    private Rendered current(PortfolioMetrics metrics) {
        Rendered current = rendered;
        if (current == null || current.metrics() != metrics) {
            current = new Rendered(metrics, render(metrics), null);
            rendered = current;
        }
        return current;
    }

    private byte[] render(PortfolioMetrics metrics) {
        try {
            return json.writeValueAsBytes(PortfolioResponse.of(metrics, null, limits.of(metrics.totals())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 8);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
