package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionCommandTargetResolverTest {

    private final PositionCommandTargetResolver cached = new PositionCommandTargetResolver();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    static final class FieldOnly {
        @TargetAggregateIdentifier
        private final String id;

        FieldOnly(String id) {
            this.id = id;
        }
    }

    record Untargeted(String id) {
    }

    @Test
    void everyCommandOfAPositionResolvesToTheSameTargetAsAxonsResolver() {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        ApplyFill fill = ApplyFill.of("BTCUSDT", PositionMode.ONE_WAY, null, "f1", "o1", Side.BUY, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.ZERO, at);
        for (Object payload : new Object[]{fill, new FindLastExecution(fill.positionId()),
                new TakeSnapshot(fill.positionId(), "s1", at), new FieldOnly("by-field")}) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            // twice: the second read comes from the class's cached member
            for (int i = 0; i < 2; i++) {
                VersionedAggregateIdentifier resolved = cached.resolveTarget(command);
                assertThat(resolved).isEqualTo(axon.resolveTarget(command));
                assertThat(resolved.getVersion()).isNull();
            }
        }
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(fill)).getIdentifier())
                .isEqualTo(fill.positionId());
    }

    @Test
    void aCommandWithAnAggregateVersionGetsAxonsVersion() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new Versioned("p1", 7L));

        assertThat(cached.resolveTarget(command)).isEqualTo(new VersionedAggregateIdentifier("p1", 7L));
    }

    @Test
    void aCommandWithoutTargetOrWithANullOneIsRefusedAsAxonRefusesIt() {
        for (Object payload : new Object[]{new Untargeted("p1"), new FindLastExecution(null)}) {
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
            assertThatThrownBy(() -> axon.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
