package com.ytrader.positionmanager.command.position;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads as "exactly these events, each checked like this" in fixture tests. */
final class EventExpectations {

    private EventExpectations() {
    }

    /** An event of this type whose payload passes the AssertJ checks in {@code check}. */
    static <T> Matcher<Object> a(Class<T> type, Consumer<T> check) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                if (!type.isInstance(actual)) {
                    return false;
                }
                check.accept(type.cast(actual));
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName());
            }
        };
    }

    static <T> Matcher<Object> a(Class<T> type) {
        return a(type, event -> { });
    }

    /** Exactly these events in this order, nothing more. */
    @SafeVarargs
    static Matcher<List<EventMessage<?>>> exactly(Matcher<Object>... events) {
        List<Matcher<?>> sequence = new ArrayList<>(List.of(events));
        sequence.add(Matchers.andNoMore());
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(sequence.toArray(Matcher[]::new)));
    }
}
