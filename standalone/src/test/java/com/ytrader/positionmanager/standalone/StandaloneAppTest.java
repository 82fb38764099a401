package com.ytrader.positionmanager.standalone;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The standalone app as {@code java -jar standalone.jar --demo} runs it, on a random port; one application
 * context shared by every test class that carries this annotation. The demo ticks faster so a test sees history
 * build up within seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"position-manager.demo.enabled=true", "position-manager.demo.interval=200ms"})
@interface StandaloneAppTest {
}
