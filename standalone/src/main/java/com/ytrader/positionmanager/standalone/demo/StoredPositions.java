package com.ytrader.positionmanager.standalone.demo;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.position.PositionRepository;
import com.ytrader.positionmanager.query.position.PositionRow;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo positions as the read model holds them, read only once nothing is left to apply: a previous run may
 * have left fills in the queues (the app can stop before its consumers took them), and a simulation resumed from
 * a stale size would report discrepancies for the whole run. Settled means the inbound queues are empty and no
 * demo position changed version over several consecutive checks (delivered but unacknowledged messages are not
 * counted in a queue's depth, so the versions are what proves they were applied).
 */
final class StoredPositions {

    private static final int SETTLED_CHECKS = 3;

    private final PositionRepository positions;
    private final AmqpAdmin admin;
    private final List<String> inboundQueues;
    private Map<String, Long> lastVersions = Map.of();
    private int stableChecks;

    StoredPositions(PositionRepository positions, AmqpAdmin admin, List<String> inboundQueues) {
        this.positions = positions;
        this.admin = admin;
        this.inboundQueues = inboundQueues;
    }

    /** Called once per half tick until it answers true. */
    boolean settled(List<DemoInstrument> instruments) {
        Map<String, Long> versions = new HashMap<>();
        for (DemoInstrument instrument : instruments) {
            find(instrument).ifPresent(row -> versions.put(row.asset(), row.version()));
        }
        boolean stable = queuesEmpty() && versions.equals(lastVersions);
        stableChecks = stable ? stableChecks + 1 : 0;
        lastVersions = versions;
        return stableChecks >= SETTLED_CHECKS;
    }

    void resume(List<DemoInstrument> instruments) {
        for (DemoInstrument instrument : instruments) {
            find(instrument).map(PositionRow::fields).ifPresent(row -> instrument.resumeFrom(row.size(),
                    row.averageEntryPrice(), row.realizedPnl(), row.currentPrice()));
        }
        stableChecks = 0;
    }

    private Optional<PositionRow> find(DemoInstrument instrument) {
        return positions.find(instrument.asset().symbol(), PositionMode.ONE_WAY);
    }

    private boolean queuesEmpty() {
        return inboundQueues.stream().allMatch(queue -> {
            QueueInformation information = admin.getQueueInfo(queue);
            return information == null || information.getMessageCount() == 0;
        });
    }
}
