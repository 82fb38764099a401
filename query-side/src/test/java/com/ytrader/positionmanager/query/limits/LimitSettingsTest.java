package com.ytrader.positionmanager.query.limits;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits as the query side's settings file binds them from the environment's names ({@code query-side.properties}:
 * {@code POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT} and the others): unset or blank is no limit, a limit of zero or
 * below stops the start with a message naming the setting.
 */
class LimitSettingsTest {

    private final ApplicationContextRunner querySide = new ApplicationContextRunner()
            .withInitializer(context -> {
                try {
                    context.getEnvironment().getPropertySources()
                            .addLast(new ResourcePropertySource("classpath:query-side.properties"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            .withUserConfiguration(LimitsConfiguration.class, LimitRules.class);

    @Test
    void unset_exposure_limits_are_no_limits_and_the_ratio_and_take_profit_have_their_defaults() {
        querySide.run(context -> assertThat(context.getBean(LimitRules.class).limits()).isEqualTo(Map.of(
                Limit.MAX_POSITION_SIZE_RATIO, new BigDecimal("0.8"),
                Limit.TAKE_PROFIT_PCT, new BigDecimal("3.0"))));
    }

    @Test
    void every_limit_is_read_from_its_environment_name_and_a_blank_one_is_no_limit() {
        querySide.withPropertyValues("POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT=250000.5",
                        "POSITION_MANAGER_MAX_POSITION_EXPOSURE_USDT=50000",
                        "POSITION_MANAGER_MAX_POSITION_SIZE_RATIO=",
                        "POSITION_MANAGER_TAKE_PROFIT_PCT=2.5")
                .run(context -> assertThat(context.getBean(LimitRules.class).limits()).isEqualTo(Map.of(
                        Limit.MAX_TOTAL_EXPOSURE_USDT, new BigDecimal("250000.5"),
                        Limit.MAX_POSITION_EXPOSURE_USDT, new BigDecimal("50000"),
                        Limit.TAKE_PROFIT_PCT, new BigDecimal("2.5"))));
    }

    @Test
    void a_limit_of_zero_or_below_fails_the_start_with_a_message_naming_the_setting() {
        querySide.withPropertyValues("POSITION_MANAGER_MAX_POSITION_SIZE_RATIO=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessage(
                        "POSITION_MANAGER_MAX_POSITION_SIZE_RATIO must be greater than zero (or unset: no limit),"
                                + " not 0"));
        querySide.withPropertyValues("POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT=-100").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "POSITION_MANAGER_MAX_TOTAL_EXPOSURE_USDT must be greater than zero"));
    }

    @Test
    void a_limit_that_is_no_number_fails_the_start_naming_the_property() {
        querySide.withPropertyValues("POSITION_MANAGER_TAKE_PROFIT_PCT=three").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("position-manager.limits.take-profit-pct"));
    }
}
