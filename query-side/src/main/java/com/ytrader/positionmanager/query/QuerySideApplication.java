package com.ytrader.positionmanager.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** The query side: read models projected from the event store, served over REST. */
@SpringBootApplication
@PropertySource("classpath:query-side.properties")
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
