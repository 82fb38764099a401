package com.ytrader.positionmanager.events;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.ytrader.positionmanager.architecture.ArchitectureRules.eventsOnlyInTheEventsPackage;
import static com.ytrader.positionmanager.architecture.ArchitectureRules.mainClassesOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The architecture's rules (README, Modules) over the events every side shares. */
class EventsArchitectureTest {

    private static final JavaClasses SHARED_EVENTS = mainClassesOf("com.ytrader.positionmanager");

    @Test
    void position_events_live_only_in_the_events_package() {
        assertThat(SHARED_EVENTS.stream().filter(javaClass -> !javaClass.isInterface())
                .filter(javaClass -> javaClass.isAssignableTo(PositionEvent.class)).map(JavaClass::getSimpleName))
                .contains("FillApplied", "PositionOpened");
        eventsOnlyInTheEventsPackage().check(SHARED_EVENTS);
    }
}
