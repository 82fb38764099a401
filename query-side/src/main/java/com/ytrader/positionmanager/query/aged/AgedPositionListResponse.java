package com.ytrader.positionmanager.query.aged;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** Aged entries, newest detection first, without their history ({@code GET /aged-positions/{asset}} has it). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgedPositionListResponse(List<AgedEntryResponse> agedPositions, int count, int limit) {

    static AgedPositionListResponse of(List<AgedEntryResponse> entries, int limit) {
        return new AgedPositionListResponse(entries, entries.size(), limit);
    }
}
