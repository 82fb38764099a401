package com.ytrader.positionmanager.query.position;

import java.util.List;

public record PositionListResponse(List<PositionResponse> positions, int count) {

    public static PositionListResponse of(List<PositionResponse> positions) {
        return new PositionListResponse(positions, positions.size());
    }
}
