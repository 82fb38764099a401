package com.ytrader.positionmanager.command.position;

import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.events.Side;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static com.ytrader.positionmanager.command.position.Fills.T0;
import static org.assertj.core.api.Assertions.assertThat;

class PositionCommandValidationTest {

    private FixtureConfiguration<Position> fixture = PositionFixture.with(ReconciliationPolicy.defaults());

    static Stream<Arguments> invalidFills() {
        return Stream.of(
                Arguments.of("zero quantity", fill("BTCUSDT", "0", "100"), "quantity must be positive"),
                Arguments.of("negative quantity", fill("BTCUSDT", "-1", "100"), "quantity must be positive"),
                Arguments.of("zero price", fill("BTCUSDT", "1", "0"), "price must be positive"),
                Arguments.of("negative price", fill("BTCUSDT", "1", "-5"), "price must be positive"),
                Arguments.of("absurd quantity", fill("BTCUSDT", "1e13", "1"), "quantity is beyond"),
                Arguments.of("blank asset", fill(" ", "1", "100"), "asset is required"),
                Arguments.of("lowercase asset", fill("btcusdt", "1", "100"), "does not match"),
                Arguments.of("one-letter asset", fill("B", "1", "100"), "does not match"),
                Arguments.of("asset with a slash", fill("BTC/USDT", "1", "100"), "does not match"),
                Arguments.of("no mode", new ApplyFill("BTCUSDT:?", "BTCUSDT", null, null, "e1", "o1", Side.BUY,
                        BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, T0, null, null, null), "mode is required"),
                Arguments.of("no side", new ApplyFill("BTCUSDT:one-way", "BTCUSDT", PositionMode.ONE_WAY, null,
                        "e1", "o1", null, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, T0, null, null, null), "side is required"),
                Arguments.of("no fill id", new ApplyFill("BTCUSDT:one-way", "BTCUSDT", PositionMode.ONE_WAY, null,
                        " ", "o1", Side.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, T0, null, null, null), "fill_id"),
                Arguments.of("a leg in one-way mode", ApplyFill.of("BTCUSDT", PositionMode.ONE_WAY, 1, "e1", "o1",
                        Side.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, T0), "position_idx must be 0"),
                Arguments.of("no execution time", ApplyFill.of("BTCUSDT", PositionMode.ONE_WAY, null, "e1", "o1",
                        Side.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, null), "executed_at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFills")
    void an_invalid_fill_is_rejected_with_a_reason_and_records_nothing(String caseName, ApplyFill fill,
                                                                       String reason) {
        fixture.givenNoPriorActivity()
                .when(fill)
                .expectException(InvalidPositionCommandException.class)
                .expectException(org.hamcrest.Matchers.hasProperty("message",
                        org.hamcrest.Matchers.containsString(reason)))
                .expectNoEvents();
        assertThat(reason).isNotBlank();
    }

    private static ApplyFill fill(String asset, String quantity, String price) {
        return new ApplyFill(asset + ":one-way", asset, PositionMode.ONE_WAY, null, "e1", "o1", Side.BUY,
                new BigDecimal(quantity), new BigDecimal(price), BigDecimal.ZERO, T0, null, null, null);
    }
}
