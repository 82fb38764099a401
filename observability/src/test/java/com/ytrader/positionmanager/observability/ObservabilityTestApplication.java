package com.ytrader.positionmanager.observability;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that uses the module: one endpoint and one streaming processor. */
@SpringBootApplication
class ObservabilityTestApplication {
}
