package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST conventions both sides share: {@code X-API-Key} with per-key rate limits on {@code /api/**},
 * RFC 9457 problem+json for every error, {@code mode} parameters by their wire names, decimals as JSON
 * strings, and the OpenAPI document.
 */
@AutoConfiguration
@EnableConfigurationProperties(ApiKeyProperties.class)
@Import({ApiClients.class, ProblemResponses.class, JsonConfiguration.class, OpenApiConfiguration.class})
@PropertySource("classpath:http-api.properties")
public class HttpApiAutoConfiguration implements WebMvcConfigurer {

    /** {@code /health}, actuator and the OpenAPI document stay open: probes and scrapers carry no key. */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiClients clients, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(clients, json));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** {@code mode=one-way|hedge}; anything else fails conversion and is answered 400 naming the parameter. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, PositionMode.class, PositionMode::fromWireName);
    }
}
