package com.ytrader.positionmanager.query.position;

import com.ytrader.positionmanager.command.position.TakeSnapshot;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRetentionTest extends QuerySideTest {

    @Autowired
    private SnapshotRetention retention;

    @Test
    void a_snapshot_older_than_the_retention_is_not_kept_in_the_read_model_and_a_younger_one_stays() {
        String asset = uniqueAsset("RET");
        fill(asset, PositionMode.ONE_WAY, null, asset + "-1", Side.BUY, "1", "100", "0",
                Instant.now().minus(Duration.ofDays(500)));
        String expired = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        commands.sendAndWait(TakeSnapshot.of(asset, PositionMode.ONE_WAY, expired,
                Instant.now().minus(Duration.ofDays(366))));
        commands.sendAndWait(TakeSnapshot.of(asset, PositionMode.ONE_WAY, kept,
                Instant.now().minus(Duration.ofDays(364))));
        awaitProjections();
        jdbc.update("DELETE FROM shedlock WHERE name = 'snapshot-retention'");

        retention.deleteExpiredSnapshots();

        Response snapshots = get("/api/v1/positions/" + asset + "/snapshots");
        assertThat(snapshots.status()).isEqualTo(200);
        assertThat(snapshots.body().get("snapshots").findValuesAsText("id")).containsExactly(kept);
    }
}
