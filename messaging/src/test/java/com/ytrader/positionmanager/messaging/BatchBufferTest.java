package com.ytrader.positionmanager.messaging;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchBufferTest {

    private final List<List<String>> flushed = new ArrayList<>();
    private final BatchBuffer<List<String>> buffer = new BatchBuffer<>("test", ArrayList::new,
            batch -> flushed.add(List.copyOf(batch)));

    @Test
    void a_batch_collects_into_one_buffer_and_writes_it_once_as_it_commits() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("a");
        // a nested unit of work (one event of the batch) shares the batch's buffer
        UnitOfWork<?> event = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("b");
        event.commit();
        assertThat(flushed).as("nothing is written before the batch commits").isEmpty();

        batch.commit();

        assertThat(flushed).containsExactly(List.of("a", "b"));
    }

    @Test
    void a_batch_that_rolls_back_writes_nothing_and_its_retry_starts_empty() {
        UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("lost");
        failed.rollback();

        UnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(null);
        buffer.current().add("again");
        retry.commit();

        assertThat(flushed).containsExactly(List.of("again"));
    }
}
