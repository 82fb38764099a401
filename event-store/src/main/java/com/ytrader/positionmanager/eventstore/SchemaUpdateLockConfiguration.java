package com.ytrader.positionmanager.eventstore;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every schema update at start-up, whichever side runs it, goes through {@link SchemaUpdateLock}: several instances
 * may start at once on one database. Spring Boot's {@code Customizer<Liquibase>} is called before the update but
 * nothing is called after it, so a lock it took would go back to the pool with the connection; the data source is
 * the one place that sees the update's connection opened and closed.
 */
@AutoConfiguration
@ConditionalOnClass(SpringLiquibase.class)
public class SchemaUpdateLockConfiguration {

    @Bean
    static BeanPostProcessor schemaUpdatesOneAtATime() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringLiquibase liquibase && !(liquibase.getDataSource() instanceof SchemaUpdateLock)) {
                    liquibase.setDataSource(new SchemaUpdateLock(liquibase.getDataSource()));
                }
                return bean;
            }
        };
    }
}
