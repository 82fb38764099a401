package com.ytrader.positionmanager.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.ytrader.positionmanager.architecture.ArchitectureRules.capabilitiesFreeOfCycles;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.eachTableWrittenOnlyByItsOwner;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.eventsOnlyInTheEventsPackage;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.mainClassesOf;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.noClassNamesAxonsTables;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.noDependencyOnTheQuerySide;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.noSqlNamesTheQuerySideTables;

/** The architecture's rules (README, Modules) over the command side's main classes. */
class CommandSideArchitectureTest {

    private static final JavaClasses COMMAND_SIDE = mainClassesOf("com.ytrader.positionmanager.command");

    @Test
    void the_command_sides_capabilities_depend_on_each_other_without_cycles() {
        capabilitiesFreeOfCycles("com.ytrader.positionmanager.command").check(COMMAND_SIDE);
    }

    @Test
    void the_command_side_never_depends_on_the_query_side() {
        noDependencyOnTheQuerySide().check(COMMAND_SIDE);
    }

    @Test
    void the_command_side_never_reads_the_query_sides_tables() {
        noSqlNamesTheQuerySideTables().check(COMMAND_SIDE);
    }

    @Test
    void the_open_positions_table_is_written_and_reset_only_by_its_read_model() {
        eachTableWrittenOnlyByItsOwner(Map.of("command_open_positions",
                "com.ytrader.positionmanager.command.openpositions.OpenPositions")).check(COMMAND_SIDE);
    }

    @Test
    void the_command_side_never_names_axons_tables() {
        noClassNamesAxonsTables().check(COMMAND_SIDE);
    }

    @Test
    void the_command_side_defines_no_position_events() {
        eventsOnlyInTheEventsPackage().check(COMMAND_SIDE);
    }
}
