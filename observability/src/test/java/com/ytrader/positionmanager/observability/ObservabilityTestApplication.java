package com.ytrader.positionmanager.observability;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application that uses the module: one endpoint and two streaming processors. */
@SpringBootApplication
class ObservabilityTestApplication {

    /** The failing probe's failures fail its batches, which are retried, instead of being logged and skipped. */
    @Bean
    ConfigurerModule failingProbeRetries() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                FailingProbeHandler.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
