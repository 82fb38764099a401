package com.ytrader.positionmanager.command.position;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The positions' deadlines (the reconcile grace period) in PostgreSQL: db-scheduler's table outlives a restart
 * and hands each deadline to one instance. Declared here, as what it is, because db-scheduler's task looks the
 * manager up by this type; Axon's auto-configuration declares it as a plain {@code DeadlineManager}, which that
 * lookup cannot find before something else has created it (a deadline due while the application starts failed).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               Serializer serializer, TransactionManager transactions,
                                               DeadlineManagerSpanFactory spans) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                // db-scheduler's Spring Boot starter starts and stops the scheduler with the application
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}
