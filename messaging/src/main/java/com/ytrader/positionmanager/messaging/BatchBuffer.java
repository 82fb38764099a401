package com.ytrader.positionmanager.messaging;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a projection holds back until the batch of events it is handling is about to commit, so that a batch of a
 * thousand events writes its rows in a few statements instead of a thousand. The buffer lives as long as the batch's
 * unit of work: a batch that rolls back takes its buffer with it and the retry starts from an empty one.
 *
 * @param <T> what the projection collects
 */
public final class BatchBuffer<T> {

    private final String key;
    private final Supplier<T> empty;
    private final Consumer<T> flush;

    /**
     * @param key   unique per projection
     * @param empty a new, empty buffer
     * @param flush writes a buffer; runs in the batch's transaction, before it commits
     */
    public BatchBuffer(String key, Supplier<T> empty, Consumer<T> flush) {
        this.key = key;
        this.empty = empty;
        this.flush = flush;
    }

    /** The buffer of the batch being handled, created with its flush on first use. */
    public T current() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(key, ignored -> {
            T buffer = empty.get();
            unitOfWork.onPrepareCommit(committing -> flush.accept(buffer));
            return buffer;
        });
    }
}
