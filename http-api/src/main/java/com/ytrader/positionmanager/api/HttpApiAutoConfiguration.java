package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.AgedPhase;
import com.ytrader.positionmanager.events.PositionMode;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST conventions both sides share: {@code X-API-Key} with per-key rate limits on {@code /api/**} and the
 * actuator's metrics, RFC 9457 problem+json for every error (Tomcat's own and the error page's too), bounded
 * parameters, {@code mode} and aged {@code status} parameters by their wire names, decimals as JSON strings, and the
 * OpenAPI document.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties(ApiKeyProperties.class)
@Import({ApiClients.class, ProblemResponses.class, BoundedProblems.class, DecimalParameters.class,
        ProblemErrorController.class, JsonConfiguration.class, OpenApiConfiguration.class})
@PropertySource("classpath:http-api.properties")
public class HttpApiAutoConfiguration implements WebMvcConfigurer {

    /** Where the API key filter runs; a filter that must answer only authenticated, rate-limited callers comes later. */
    public static final int API_KEY_FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /**
     * {@code /health}, {@code /actuator/health} and the OpenAPI document stay open: probes carry no key. Metrics
     * need a key on the application's port; with {@code management.server.port} they are served on that port
     * alone, without one (this filter is not part of the management server).
     */
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiClients clients, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(clients, json));
        registration.addUrlPatterns("/api/*", "/actuator/metrics", "/actuator/metrics/*", "/actuator/prometheus");
        registration.setOrder(API_KEY_FILTER_ORDER);
        return registration;
    }

    /**
     * Tomcat answers what it refuses itself through this valve, as problem+json. {@code TRACE} goes on to Spring MVC
     * ({@code spring.mvc.dispatch-trace-request}), which answers it 405 like any other method no endpoint takes:
     * Tomcat's own refusal has no body, and Tomcat's own {@code TRACE} echoes the request's headers, keys included.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        };
    }

    /**
     * {@code mode=one-way|hedge}, an aged {@code status} by its wire name; anything else fails conversion and is
     * answered 400 naming the parameter.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, PositionMode.class, PositionMode::fromWireName);
        registry.addConverter(String.class, AgedPhase.class, AgedPhase::fromWireName);
    }
}
