package com.ytrader.positionmanager.command.ingest;

import com.ytrader.positionmanager.events.EventMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends many commands inside one unit of work and one database transaction: each command runs in a nested unit
 * of work, and all their events are appended, and their aggregates' locks released, when the outer one commits.
 * One transaction for many commands is far faster than one per command (bench/ingest). All or nothing: when any
 * command fails, nothing of the batch is stored and the exception is thrown.
 *
 * <p>Commands go to the command bus directly, in this thread: the command gateway's retry scheduler would
 * retry on another thread, outside this unit of work, and wait there for the locks this batch holds. The
 * ingest retries failed messages itself. Public for the benchmarks, which seed the event store the same way.
 */
public final class CommandBatch {

    private final CommandBus commands;
    private final TransactionManager transactions;
    private final DataSource dataSource;

    public CommandBatch(CommandBus commands, TransactionManager transactions, DataSource dataSource) {
        this.commands = commands;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** @return each message's command results, in order */
    public List<List<Object>> applyInOneTransaction(List<List<CommandMessage<?>>> messages) {
        releaseConnectionLeftBound();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactions);
            List<List<Object>> results = new ArrayList<>(messages.size());
            for (List<CommandMessage<?>> message : messages) {
                List<Object> messageResults = new ArrayList<>(message.size());
                for (CommandMessage<?> command : message) {
                    try (MDC.MDCCloseable ignored = MDC.putCloseable(EventMetadata.TRACE_ID,
                            String.valueOf(command.getMetaData().get(EventMetadata.TRACE_ID)))) {
                        messageResults.add(dispatch(command));
                    }
                }
                results.add(messageResults);
            }
            unitOfWork.commit();
            return results;
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /**
     * A transaction whose connection died (PostgreSQL restarted, connections cut) can fail to roll back and
     * leave its transaction state and that dead connection bound to this thread; every later transaction of
     * the thread would then reuse it and fail for ever (measured with the connection-cutting test). Between
     * batches this consumer thread holds no transaction, so whatever is still bound is such a leftover.
     */
    private void releaseConnectionLeftBound() {
        if (TransactionSynchronizationManager.unbindResourceIfPossible(dataSource) instanceof ConnectionHolder held
                && held.getConnectionHandle() != null) {
            DataSourceUtils.releaseConnection(held.getConnection(), dataSource);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clear();
        }
    }

    private Object dispatch(CommandMessage<?> command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commands.dispatch(command, callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
