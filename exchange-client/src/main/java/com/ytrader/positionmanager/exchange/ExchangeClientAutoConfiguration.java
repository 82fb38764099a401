package com.ytrader.positionmanager.exchange;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * The Bybit client of every application with this module, from {@code position-manager.bybit.*}. It uses the
 * application's {@link RestClient.Builder} (so its requests are observed like the others) and {@link Clock}
 * when there are ones.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@EnableConfigurationProperties(BybitProperties.class)
public class ExchangeClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BybitClient bybitClient(BybitProperties settings, ObjectProvider<Clock> clock,
                                   ObjectProvider<RestClient.Builder> http) {
        return new BybitClient(settings, clock.getIfUnique(Clock::systemUTC), http.getIfAvailable(RestClient::builder));
    }
}
