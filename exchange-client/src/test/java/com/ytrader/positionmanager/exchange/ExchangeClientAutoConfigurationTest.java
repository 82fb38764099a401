package com.ytrader.positionmanager.exchange;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_KEY;
import static com.ytrader.positionmanager.exchange.FakeBybit.API_SECRET;
import static com.ytrader.positionmanager.exchange.FakeBybit.page;
import static org.assertj.core.api.Assertions.assertThat;

class ExchangeClientAutoConfigurationTest {

    @RegisterExtension
    static final WireMockExtension bybit = FakeBybit.extension();

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ExchangeClientAutoConfiguration.class));

    @Test
    void without_settings_the_client_has_the_documented_defaults_and_no_credentials() {
        application.run(context -> {
            BybitProperties settings = context.getBean(BybitProperties.class);
            assertThat(settings).isEqualTo(new BybitProperties("https://api.bybit.com", null, null, "linear", "USDT",
                    Duration.ofMillis(5000), Duration.ofSeconds(5), 4, Duration.ofSeconds(1), 10));
            assertThat(context.getBean(BybitClient.class).hasCredentials()).isFalse();
        });
    }

    @Test
    void environment_variables_bind_and_reach_the_wire() {
        bybit.stubFor(get(urlPathEqualTo(BybitClient.POSITIONS)).willReturn(okJson(page(""))));
        application
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("POSITION_MANAGER_BYBIT_REST_URL", bybit.baseUrl() + "/",
                                        "POSITION_MANAGER_BYBIT_API_KEY", API_KEY,
                                        "POSITION_MANAGER_BYBIT_API_SECRET", API_SECRET,
                                        "POSITION_MANAGER_BYBIT_CATEGORY", "inverse",
                                        "POSITION_MANAGER_BYBIT_SETTLE_COIN", "BTC",
                                        "POSITION_MANAGER_BYBIT_RECV_WINDOW", "7000",
                                        "POSITION_MANAGER_BYBIT_TIMEOUT", "3s",
                                        "POSITION_MANAGER_BYBIT_MAX_ATTEMPTS", "2",
                                        "POSITION_MANAGER_BYBIT_RETRY_BACKOFF", "250ms",
                                        "POSITION_MANAGER_BYBIT_REQUESTS_PER_SECOND", "5"))))
                .withBean(Clock.class, () -> FakeBybit.CLOCK)
                .run(context -> {
                    assertThat(context.getBean(BybitProperties.class)).isEqualTo(new BybitProperties(bybit.baseUrl(),
                            API_KEY, API_SECRET, "inverse", "BTC", Duration.ofMillis(7000), Duration.ofSeconds(3), 2,
                            Duration.ofMillis(250), 5));
                    BybitClient client = context.getBean(BybitClient.class);
                    assertThat(client.hasCredentials()).isTrue();

                    client.positions(null);

                    LoggedRequest request = bybit.findAll(anyRequestedFor(anyUrl())).get(0);
                    assertThat(FakeBybit.rawQuery(request)).isEqualTo("category=inverse&settleCoin=BTC&limit=200");
                    FakeBybit.assertSignedAsSent(request, "7000");
                });
    }

    @Test
    void a_key_without_a_secret_fails_the_start_naming_both_settings() {
        application.withPropertyValues("position-manager.bybit.api-key=" + API_KEY)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("set both api-key and api-secret, or neither"));
    }

    @Test
    void the_settings_never_show_the_credentials() {
        application.withPropertyValues("position-manager.bybit.api-key=" + API_KEY,
                        "position-manager.bybit.api-secret=" + API_SECRET)
                .run(context -> assertThat(context.getBean(BybitProperties.class).toString())
                        .doesNotContain(API_KEY).doesNotContain(API_SECRET).contains("apiKey=***"));
    }
}
