package com.ytrader.positionmanager.command.position;

/** Who owns a position's size ({@code POSITION_MANAGER_SIZE_SOURCE}). */
public enum SizeSource {
    /** Fills set the size; exchange reports are only compared with it (docs/ingest.md). */
    FILLS,
    /** Exchange reports set the size; fills only link orders. */
    EXCHANGE
}
