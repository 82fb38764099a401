package com.ytrader.positionmanager.query.health;

import com.ytrader.positionmanager.query.support.BothSides;
import com.ytrader.positionmanager.query.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With POSITION_MANAGER_MANAGEMENT_PORT the actuator leaves the application's port for a port of its own. */
@SpringBootTest(classes = BothSides.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"POSITION_MANAGER_MANAGEMENT_PORT=0", "POSTGRES_DB=pm_query_side_management_port_test"})
class ManagementPortTest {

    @LocalServerPort
    private int port;
    @LocalManagementPort
    private int managementPort;

    @Test
    void metrics_are_served_without_a_key_on_the_management_port_and_not_at_all_on_the_application_port() {
        RawHttp management = new RawHttp(managementPort);
        RawHttp application = new RawHttp(port);

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management.send("GET /actuator/metrics/jvm.memory.used HTTP/1.1").status()).isEqualTo(200);
        assertThat(management.send("GET /actuator/health HTTP/1.1").status()).isEqualTo(200);
        RawHttp.Response onApplicationPort = application.send("GET /actuator/metrics/jvm.memory.used HTTP/1.1\r\n"
                + "X-API-Key: test-key");
        assertThat(onApplicationPort.status()).isEqualTo(404);
        assertThat(onApplicationPort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(application.send("GET /health HTTP/1.1").status()).as("the service's own health stays")
                .isEqualTo(200);
    }
}
