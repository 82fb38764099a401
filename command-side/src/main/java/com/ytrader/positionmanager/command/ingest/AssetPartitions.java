package com.ytrader.positionmanager.command.ingest;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which partition an asset belongs to: the CRC-32 of its UTF-8 name modulo the number of partitions. The same
 * function for every inbound queue and every instance, and one any other program can reproduce (unlike a JVM's
 * object hash), so that an asset's messages always meet in the same partition.
 */
record AssetPartitions(int count) {

    AssetPartitions {
        if (count < 1) {
            throw new IllegalArgumentException("at least one partition, was " + count);
        }
    }

    int of(String asset) {
        CRC32 crc = new CRC32();
        crc.update(asset.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }
}
