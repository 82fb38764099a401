package com.ytrader.positionmanager.standalone;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.query.QuerySideApplication;
import com.ytrader.positionmanager.standalone.demo.DemoProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * Both sides in one JVM on one port, for a first run and end-to-end tests. PostgreSQL and the AMQP broker are
 * found by the embedded-infrastructure module: configured, else local, else embedded. {@code --demo} starts a
 * feed of fills and exchange position reports through the real inbound queues.
 */
@SpringBootApplication(scanBasePackageClasses = {
        StandaloneApplication.class, CommandSideApplication.class, QuerySideApplication.class})
public class StandaloneApplication {

    static final String DEMO_FLAG = "--demo";

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, withDemoFlagExpanded(args));
    }

    /** {@code --demo} is the short form of {@code --position-manager.demo.enabled=true}. */
    static String[] withDemoFlagExpanded(String[] args) {
        return Arrays.stream(args)
                .map(arg -> DEMO_FLAG.equals(arg) ? "--" + DemoProperties.ENABLED + "=true" : arg)
                .toArray(String[]::new);
    }
}
