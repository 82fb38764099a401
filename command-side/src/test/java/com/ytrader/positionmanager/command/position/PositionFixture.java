package com.ytrader.positionmanager.command.position;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** A fixture for the Position aggregate under a reconciliation policy. */
final class PositionFixture {

    private PositionFixture() {
    }

    static FixtureConfiguration<Position> with(ReconciliationPolicy policy) {
        FixtureConfiguration<Position> fixture = new AggregateTestFixture<>(Position.class);
        fixture.registerInjectableResource(policy);
        return fixture;
    }
}
