package com.ytrader.positionmanager.query.limits;

import com.ytrader.positionmanager.query.QuerySideApplication;
import org.springframework.core.env.Environment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A second query-side instance in a JVM of its own (two application contexts in one JVM would share Axon's token
 * owner, {@code pid@host}, and so both hold the same segment), on this JVM's class path and on the database and broker
 * this JVM resolved.
 */
final class ChildQuerySide implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildQuerySide(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts it and waits until its application has started. */
    static ChildQuerySide start(Environment resolved, List<String> arguments) {
        return start(resolved, Integer.parseInt(resolved.getRequiredProperty("spring.rabbitmq.port")), arguments);
    }

    /** Starts it with the broker on {@code brokerPort} of the broker's host (a proxy, say). */
    static ChildQuerySide start(Environment resolved, int brokerPort, List<String> arguments) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                QuerySideApplication.class.getName(), "--server.port=0",
                "--spring.datasource.url=" + resolved.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + resolved.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + resolved.getProperty("spring.datasource.password", ""),
                "--RABBITMQ_HOST=" + resolved.getRequiredProperty("spring.rabbitmq.host"),
                "--RABBITMQ_PORT=" + brokerPort));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("query-side-child", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            ChildQuerySide child = new ChildQuerySide(process, log);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the child query side stopped:\n" + child.logTail());
                }
                return Files.readString(log).contains("Started QuerySideApplication");
            });
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How Axon's token owner of the child begins: its JVM's {@code pid@host}. */
    String tokenOwnerPrefix() {
        return process.pid() + "@";
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM: a graceful stop, in which its processors release their segments. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
