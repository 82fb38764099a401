package com.ytrader.positionmanager.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.PositionMode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
class WebConfiguration implements WebMvcConfigurer {

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
