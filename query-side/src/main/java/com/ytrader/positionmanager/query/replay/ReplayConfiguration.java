package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.api.HttpApiAutoConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    /** The read-model endpoints; {@code /health} and {@code /api/v1/admin} stay open during a rebuild. */
    @Bean
    FilterRegistrationBean<ReplayGate> replayGate(ReadModelReplay replay, ObjectMapper json) {
        FilterRegistrationBean<ReplayGate> registration = new FilterRegistrationBean<>(new ReplayGate(replay, json));
        registration.addUrlPatterns("/api/v1/positions/*", "/api/v1/portfolio/*", "/api/v1/training/*");
        // after the API key check and the rate limit: a caller without a key gets 401, one over its limit 429, and
        // neither learns anything about a rebuild
        registration.setOrder(HttpApiAutoConfiguration.API_KEY_FILTER_ORDER + 1);
        return registration;
    }

    /** {@code --replay} on the command line rebuilds the read models once the application is up. */
    @Bean
    ApplicationRunner replayOnRequest(ReadModelReplay replay) {
        return arguments -> {
            if (arguments.containsOption("replay")) {
                replay.start();
            }
        };
    }
}
