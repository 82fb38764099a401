package com.ytrader.positionmanager.command.ingest;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetPartitionsTest {

    @Test
    void an_asset_falls_in_the_partition_given_by_the_crc32_of_its_name_which_any_program_can_reproduce() {
        // zlib.crc32(b"BTCUSDT") == 2895029187, zlib.crc32(b"ETHUSDT") == 519679068 (Python)
        assertThat(new AssetPartitions(4).of("BTCUSDT")).isEqualTo(3);
        assertThat(new AssetPartitions(7).of("BTCUSDT")).isEqualTo(1);
        assertThat(new AssetPartitions(4).of("ETHUSDT")).isZero();
        assertThat(new AssetPartitions(7).of("ETHUSDT")).isEqualTo(6);
    }

    @Test
    void two_hundred_assets_reach_every_one_of_eight_partitions() {
        AssetPartitions partitions = new AssetPartitions(8);
        assertThat(IntStream.range(0, 200).map(i -> partitions.of("ASSET" + i + "USDT")).distinct().count())
                .isEqualTo(8);
    }

    @Test
    void one_partition_takes_every_asset() {
        assertThat(new AssetPartitions(1).of("BTCUSDT")).isZero();
        assertThatThrownBy(() -> new AssetPartitions(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
