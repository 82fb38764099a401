package com.ytrader.positionmanager.observability;

import org.junit.jupiter.api.Test;

import static com.ytrader.positionmanager.architecture.ArchitectureRules.mainClassesOf;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.noClassNamesAxonsTables;

/** The architecture's rules (README, Modules) over this module's main classes. */
class ObservabilityArchitectureTest {

    @Test
    void observability_never_names_axons_tables() {
        noClassNamesAxonsTables().check(mainClassesOf("com.ytrader.positionmanager.observability"));
    }
}
