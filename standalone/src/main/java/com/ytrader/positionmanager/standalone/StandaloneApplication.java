package com.ytrader.positionmanager.standalone;

import com.ytrader.positionmanager.command.CommandSideApplication;
import com.ytrader.positionmanager.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Both sides in one JVM on one port, for a first run and end-to-end tests. PostgreSQL is found by the
 * embedded-infrastructure module: configured, else local, else embedded.
 */
@SpringBootApplication(scanBasePackageClasses = {CommandSideApplication.class, QuerySideApplication.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
