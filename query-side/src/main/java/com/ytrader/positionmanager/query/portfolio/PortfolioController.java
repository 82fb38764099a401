package com.ytrader.positionmanager.query.portfolio;

import com.ytrader.positionmanager.api.Parameters;
import com.ytrader.positionmanager.query.position.PositionFilter;
import com.ytrader.positionmanager.query.position.PositionRepository;
import com.ytrader.positionmanager.query.position.PositionViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/portfolio")
@Tag(name = "portfolio")
class PortfolioController {

    private final PortfolioMetricsCache metrics;
    private final PositionRepository positions;
    private final PositionViews views;
    private final RenderedPortfolio rendered;
    private final PortfolioLimits limits;

    PortfolioController(PortfolioMetricsCache metrics, PositionRepository positions, PositionViews views,
                        RenderedPortfolio rendered, PortfolioLimits limits) {
        this.metrics = metrics;
        this.positions = positions;
        this.views = views;
        this.rendered = rendered;
        this.limits = limits;
    }

    @GetMapping
    @Operation(operationId = "getPortfolio",
            summary = "Portfolio metrics and limits; positions without a current price add no exposure")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PortfolioResponse.class)))
    ResponseEntity<?> portfolio(
            @RequestParam(name = "include_positions", defaultValue = "false") boolean includePositions,
            @RequestParam(required = false) @Parameter(description = "metrics of this asset's positions only")
            String asset,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Parameter(hidden = true)
            String acceptEncoding) {
        Parameters.asset("asset", asset);
        PortfolioMetrics all = metrics.withAssets();
        if (asset == null && !includePositions) {
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            return acceptsGzip(acceptEncoding)
                    ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(rendered.gzipOf(all))
                    : answer.body(rendered.of(all));
        }
        PortfolioMetrics selected = asset == null ? all : all.onlyAsset(asset);
        return ResponseEntity.ok(PortfolioResponse.of(selected, includePositions
                ? views.view(positions.findAll(new PositionFilter(asset, null, null, null))) : null,
                asset == null ? limits.of(all.totals()) : limits.of(all.totals(), asset)));
    }

    /** {@code gzip} among the codings a client accepts, and not refused ({@code gzip;q=0}). */
    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    @GetMapping("/exposure")
    @Operation(operationId = "getPortfolioExposure",
            summary = "Total exposure: SUM(|size| * current_price), and the portfolio's limits")
    ExposureResponse exposure() {
        PortfolioTotals current = metrics.current();
        return ExposureResponse.of(current, limits.of(current));
    }

    @GetMapping("/pnl")
    @Operation(operationId = "getPortfolioPnl",
            summary = "Unrealized, realized and total PnL")
    PnlResponse pnl() {
        PortfolioTotals current = metrics.current();
        return new PnlResponse(current.totalUnrealizedPnl(), current.totalRealizedPnl(), current.totalPnl(),
                current.calculatedAt());
    }
}
