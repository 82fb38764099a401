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
 * The {@code position_snapshots} read model keeps {@code POSITION_MANAGER_SNAPSHOT_RETENTION_DAYS} of snapshots:
 * the projection does not write one already older than that (so a replay rebuilds the same table), and an hourly
 * job, once per cluster, deletes those that have aged past it since. Only the read model forgets them: the events
 * stay in the store and in the audit trail.
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

    boolean keeps(Instant takenAt) {
        return !takenAt.isBefore(cutoff());
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "snapshot-retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT50M")
    public void deleteExpiredSnapshots() {
        int deleted = snapshots.deleteTakenBefore(cutoff());
        log.info("Snapshot retention: deleted {} snapshots older than {} days", deleted, retention.toDays());
    }

    private Instant cutoff() {
        return Instant.now().minus(retention);
    }
}
