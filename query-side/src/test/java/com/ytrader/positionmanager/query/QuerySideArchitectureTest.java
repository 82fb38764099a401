package com.ytrader.positionmanager.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.ytrader.positionmanager.architecture.ArchitectureRules.capabilitiesFreeOfCycles;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.eachTableWrittenOnlyByItsOwner;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.eventsOnlyInTheEventsPackage;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.mainClassesOf;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.noClassNamesAxonsTables;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.sendsNoCommands;

/** The architecture's rules (README, Modules) over the query side's main classes. */
class QuerySideArchitectureTest {

    private static final JavaClasses QUERY_SIDE = mainClassesOf("com.ytrader.positionmanager.query");

    @Test
    void the_query_sides_capabilities_depend_on_each_other_without_cycles() {
        capabilitiesFreeOfCycles("com.ytrader.positionmanager.query").check(QUERY_SIDE);
    }

    @Test
    void each_read_model_table_is_written_and_reset_only_by_its_owner() {
        eachTableWrittenOnlyByItsOwner(Map.of(
                "positions", "com.ytrader.positionmanager.query.position.PositionRepository",
                "position_orders", "com.ytrader.positionmanager.query.position.PositionOrderProjection",
                "position_snapshots", "com.ytrader.positionmanager.query.position.PositionSnapshotRepository",
                "position_timeline", "com.ytrader.positionmanager.query.timeline.TimelineRepository",
                "limit_positions", "com.ytrader.positionmanager.query.limits.LimitStateRepository",
                "limits_exceeded", "com.ytrader.positionmanager.query.limits.LimitStateRepository"))
                .check(QUERY_SIDE);
    }

    @Test
    void the_query_side_never_sends_commands() {
        sendsNoCommands().check(QUERY_SIDE);
    }

    @Test
    void the_query_side_never_names_axons_tables() {
        noClassNamesAxonsTables().check(QUERY_SIDE);
    }

    @Test
    void the_query_side_defines_no_position_events() {
        eventsOnlyInTheEventsPackage().check(QUERY_SIDE);
    }
}
