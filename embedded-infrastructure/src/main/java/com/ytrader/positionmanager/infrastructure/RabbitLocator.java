package com.ytrader.positionmanager.infrastructure;

/** Finds an AMQP 0-9-1 broker: RabbitMQ when configured or answering locally, else the embedded Qpid broker. */
final class RabbitLocator {

    record Location(String host, int port, String user, String password, String description) {
    }

    private RabbitLocator() {
    }

    static Location locate(InfrastructureMode mode, Settings settings) {
        if (settings.rabbitHostExplicit()) {
            return new Location(settings.rabbitHost(), settings.rabbitPort(), settings.rabbitUser(),
                    settings.rabbitPassword(), "RabbitMQ at %s:%d (configured)"
                    .formatted(settings.rabbitHost(), settings.rabbitPort()));
        }
        if (mode == InfrastructureMode.AUTO) {
            if (Ports.answers(settings.rabbitHost(), settings.rabbitPort())) {
                return new Location(settings.rabbitHost(), settings.rabbitPort(), settings.rabbitUser(),
                        settings.rabbitPassword(), "RabbitMQ at %s:%d (local default port)"
                        .formatted(settings.rabbitHost(), settings.rabbitPort()));
            }
        }
        int port = EmbeddedAmqpBroker.port(settings.rabbitUser(), settings.rabbitPassword());
        return new Location("127.0.0.1", port, settings.rabbitUser(), settings.rabbitPassword(),
                "embedded Apache Qpid Broker-J (AMQP 0-9-1) on port " + port);
    }
}
