package com.ytrader.positionmanager.command.ingest;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-side application in a child JVM on this JVM's class path, pointed explicitly at the PostgreSQL
 * and broker that this JVM resolved, so that it can be killed with SIGKILL (no shutdown hooks, no graceful
 * stop) like a crashed process.
 */
public final class ChildApplication implements AutoCloseable {

    private final Process process;
    final Path log;

    private ChildApplication(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildApplication start(String mainClass, Environment resolved, List<String> arguments) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        URI database = URI.create(resolved.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), mainClass,
                "--server.port=0",
                "--POSTGRES_HOST=" + database.getHost(),
                "--POSTGRES_PORT=" + database.getPort(),
                "--RABBITMQ_HOST=" + resolved.getRequiredProperty("spring.rabbitmq.host"),
                "--RABBITMQ_PORT=" + resolved.getRequiredProperty("spring.rabbitmq.port")));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("command-side-child", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ChildApplication(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Environment environmentOf(ConfigurableApplicationContext context) {
        return context.getEnvironment();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What Axon's token store records as the owner of the claims this process holds ({@code pid@host}). */
    public boolean owns(String tokenOwner) {
        return tokenOwner != null && tokenOwner.startsWith(process.pid() + "@");
    }

    /** SIGKILL: the process gets no chance to finish a batch, acknowledge or publish anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String logTail() {
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
}
