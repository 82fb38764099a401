package com.ytrader.positionmanager.command.position;

/** What became of a fill command; the ingest acknowledges all three. */
public enum FillResult {
    APPLIED,
    /** Only linked to its order: the exchange owns the size ({@code POSITION_MANAGER_SIZE_SOURCE=exchange}). */
    LINKED,
    /** Seen before (same fill id): nothing changed. */
    DUPLICATE
}
