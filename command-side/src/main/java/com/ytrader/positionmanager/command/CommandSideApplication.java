package com.ytrader.positionmanager.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** The command side: fills and exchange reports in, position events into the PostgreSQL event store. */
@SpringBootApplication
@PropertySource("classpath:command-side.properties")
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
