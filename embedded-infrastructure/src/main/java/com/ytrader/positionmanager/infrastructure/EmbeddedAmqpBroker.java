package com.ytrader.positionmanager.infrastructure;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.BrokerImpl;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory Apache Qpid Broker-J speaking AMQP 0-9-1 on a free loopback port, for machines without
 * RabbitMQ. It accepts what the service declares (durable queues and exchanges without RabbitMQ-only
 * arguments), which is why dead-lettering is done by the service rather than by queue arguments.
 */
final class EmbeddedAmqpBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);
    private static final String INITIAL_CONFIGURATION = "qpid/embedded-broker.json";
    /**
     * Qpid reads its default system properties from a {@code classpath:} URL, whose handler the JDK cannot load
     * from a nested jar of {@code java -jar standalone.jar}; a resource URL of ours opens everywhere.
     */
    private static final String SYSTEM_PROPERTIES = "qpid/embedded-system.properties";

    /** One broker per JVM, shared by every application context (tests start many). */
    private static Integer boundPort;

    private EmbeddedAmqpBroker() {
    }

    static synchronized int port(String user, String password) {
        if (boundPort == null) {
            boundPort = start(user, password);
        }
        return boundPort;
    }

    private static int start(String user, String password) {
        URL configuration = EmbeddedAmqpBroker.class.getClassLoader().getResource(INITIAL_CONFIGURATION);
        URL systemProperties = EmbeddedAmqpBroker.class.getClassLoader().getResource(SYSTEM_PROPERTIES);
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                system.set(resolved);
            }
        });
        try {
            Path workDirectory = Files.createTempDirectory("position-manager-qpid");
            launcher.startup(Map.of(
                    SystemConfig.TYPE, "Memory",
                    SystemConfig.INITIAL_CONFIGURATION_LOCATION, configuration.toExternalForm(),
                    SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toExternalForm(),
                    SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false,
                    "context", Map.of(
                            "qpid.work_dir", workDirectory.toString(),
                            "qpid.guest_user", user,
                            "qpid.guest_password", password)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded broker's work directory", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded AMQP broker (Apache Qpid Broker-J)", e);
        }
        Broker<?> broker = (Broker<?>) system.get().getContainer(Broker.class);
        removeQpidsOwnShutdownHook(broker);
        RunningContexts.onShutdown("embedded-amqp-broker-shutdown", Duration.ofSeconds(30), launcher::shutdown);
        for (Port<?> port : broker.getPorts()) {
            if (port instanceof AmqpPort<?> amqp) {
                return amqp.getBoundPort();
            }
        }
        throw new IllegalStateException("The embedded AMQP broker started without an AMQP port");
    }

    /**
     * Qpid stops the broker in a shutdown hook of its own, which the JVM runs alongside the application's, so the
     * consumers would lose their broker while they close. Ours waits for the application; Qpid's hook has no
     * public switch, hence the reflection. Should a Qpid version rename the field, only the tidy exit is lost.
     */
    private static void removeQpidsOwnShutdownHook(Broker<?> broker) {
        try {
            Field hook = BrokerImpl.class.getDeclaredField("_shutdownHook");
            hook.setAccessible(true);
            Runtime.getRuntime().removeShutdownHook((Thread) hook.get(broker));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Qpid's own shutdown hook stays registered: {}", e.toString());
        }
    }
}
