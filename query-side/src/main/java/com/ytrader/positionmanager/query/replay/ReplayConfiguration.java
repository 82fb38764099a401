package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    /** The read-model endpoints; {@code /health} and {@code /api/v1/admin} stay open during a rebuild. */
    @Bean
    FilterRegistrationBean<ReplayGate> replayGate(ReadModelReplay replay, ObjectMapper json) {
        FilterRegistrationBean<ReplayGate> registration = new FilterRegistrationBean<>(new ReplayGate(replay, json));
        registration.addUrlPatterns("/api/v1/positions/*", "/api/v1/portfolio/*", "/api/v1/training/*");
        // after the API key check: an unauthenticated caller learns nothing about a rebuild
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
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
