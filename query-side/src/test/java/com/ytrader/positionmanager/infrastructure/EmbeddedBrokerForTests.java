package com.ytrader.positionmanager.infrastructure;

/** The embedded Qpid broker of this JVM, started on first use, for tests that need a broker other than RabbitMQ. */
public final class EmbeddedBrokerForTests {

    public static final String USER = "guest";
    public static final String PASSWORD = "guest";

    private EmbeddedBrokerForTests() {
    }

    public static int port() {
        return EmbeddedAmqpBroker.port(USER, PASSWORD);
    }
}
