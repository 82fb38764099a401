package com.ytrader.positionmanager.query.asof;

import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.position.PositionResponse;
import com.ytrader.positionmanager.query.position.PriceStaleness;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The state of one position at an instant, with its features as they were then. */
@Service
public class PointInTime {

    private final AsOfQueries timeline;
    private final PriceStaleness staleness;

    public PointInTime(AsOfQueries timeline, PriceStaleness staleness) {
        this.timeline = timeline;
        this.staleness = staleness;
    }

    public Optional<AsOfResponse> asOf(String asset, PositionMode mode, Instant at, boolean inclusive,
                                       Instant knownAt) {
        return timeline.asOf(PositionId.of(asset, mode), at, inclusive, knownAt)
                .filter(state -> state.row() != null)
                .map(state -> {
                    BigDecimal totalExposure = timeline.exposureAt(at, inclusive, knownAt);
                    PositionResponse position = PositionResponse.of(state.row(),
                            MlFeatures.of(state.row().featureInputs(), totalExposure, at), staleness, at);
                    return new AsOfResponse(position, state.sequenceNumber(), at, inclusive, knownAt);
                });
    }
}
