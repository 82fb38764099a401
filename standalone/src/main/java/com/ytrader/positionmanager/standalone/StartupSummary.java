package com.ytrader.positionmanager.standalone;

import com.ytrader.positionmanager.infrastructure.InfrastructureResolver;
import com.ytrader.positionmanager.standalone.demo.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One block at the end of the start-up log that says where each part was found and what to open, so a first
 * run does not need the README. The API key is printed only when it is the standalone app's local default.
 */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final Environment environment;

    StartupSummary(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSummary() {
        log.info(summary());
    }

    String summary() {
        String base = "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "4800"));
        LocalApiKey key = LocalApiKey.of(environment);
        String dashboard = key.isLocalDefault() ? base + "/#api-key=" + key.value() : base + "/";
        String keyLine = key.isLocalDefault()
                ? key.value() + "  (the standalone app's local default; set POSITION_MANAGER_API_KEY for your own)"
                : "the one in POSITION_MANAGER_API_KEY";
        boolean demo = environment.getProperty(DemoProperties.ENABLED, Boolean.class, false);
        return String.join(System.lineSeparator(),
                "",
                "==================== Position Manager (standalone) is ready ====================",
                "  PostgreSQL : " + environment.getProperty(InfrastructureResolver.POSTGRES_LOCATION, "as configured"),
                "  Broker     : " + environment.getProperty(InfrastructureResolver.BROKER_LOCATION, "as configured"),
                "  Dashboard  : " + dashboard,
                "  Swagger UI : " + base + "/swagger-ui.html",
                "  Health     : " + base + "/health",
                "  API key    : X-API-Key: " + keyLine,
                "  Demo feed  : " + (demo ? "on (fills and exchange position reports through the inbound queues)"
                        : "off (start with --demo for moving positions)"),
                "================================================================================");
    }
}
