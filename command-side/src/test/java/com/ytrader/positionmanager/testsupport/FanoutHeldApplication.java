package com.ytrader.positionmanager.testsupport;

import com.ytrader.positionmanager.command.CommandSideApplication;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CountDownLatch;

/**
 * The command side whose fan-out never gets to publish: every batch of the {@code amqp-fanout} processor waits
 * forever before its handler runs. Killing it leaves events committed but unpublished, the moment an outbox
 * must survive. Lives outside the application's packages so that no other test context scans it.
 */
@Configuration(proxyBeanMethods = false)
public class FanoutHeldApplication {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] {CommandSideApplication.class, FanoutHeldApplication.class}, args);
    }

    @Autowired
    void holdFanout(EventProcessingConfigurer configurer) {
        configurer.registerHandlerInterceptor("amqp-fanout", configuration -> (unitOfWork, chain) -> {
            NEVER.await();
            return chain.proceed();
        });
    }
}
