package com.ytrader.positionmanager.query.position;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Deletes snapshots older than {@code POSITION_MANAGER_SNAPSHOT_RETENTION_DAYS} from the read model, hourly and
 * once per cluster. Only the read model forgets them: the {@code PositionSnapshotTaken} events stay in the store
 * and in the audit trail, so a replay brings them back until the next run.
 */
@Component
public class SnapshotRetention {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRetention.class);

    private final PositionSnapshotRepository snapshots;
    private final Duration retention;

    SnapshotRetention(PositionSnapshotRepository snapshots,
                      @Value("${position-manager.snapshot-retention-days}") int retentionDays) {
        this.snapshots = snapshots;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "snapshot-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT50M")
    public void deleteExpiredSnapshots() {
        int deleted = snapshots.deleteTakenBefore(Instant.now().minus(retention));
        log.info("Snapshot retention: deleted {} snapshots older than {} days", deleted, retention.toDays());
    }
}
