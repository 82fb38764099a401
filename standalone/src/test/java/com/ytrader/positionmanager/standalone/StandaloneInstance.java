package com.ytrader.positionmanager.standalone;

import org.springframework.core.env.Environment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone instance in a child JVM on this JVM's class path, pointed at the PostgreSQL and broker this JVM
 * resolved, as a user starts a second {@code java -jar standalone.jar}; it can be killed with SIGKILL.
 */
final class StandaloneInstance implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private StandaloneInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static StandaloneInstance start(Environment resolved, List<String> arguments) {
        return start(StandaloneApplication.class, resolved, arguments);
    }

    /** One side only ({@code CommandSideApplication}, {@code QuerySideApplication}), as the compose services run. */
    static StandaloneInstance start(Class<?> application, Environment resolved, List<String> arguments) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        URI database = URI.create(resolved.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), application.getName(),
                "--server.port=" + port,
                "--POSTGRES_HOST=" + database.getHost(),
                "--POSTGRES_PORT=" + database.getPort(),
                "--RABBITMQ_HOST=" + resolved.getRequiredProperty("spring.rabbitmq.host"),
                "--RABBITMQ_PORT=" + resolved.getRequiredProperty("spring.rabbitmq.port")));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("standalone-instance", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new StandaloneInstance(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Axon's token store records as the owner of the claims this process holds ({@code pid@host}). */
    boolean owns(String tokenOwner) {
        return tokenOwner != null && tokenOwner.startsWith(process.pid() + "@");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no batch finished, nothing acknowledged or published on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
