package com.ytrader.positionmanager.query.deadletter;

import com.ytrader.positionmanager.api.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events the query side's processors have parked (Axon's dead-letter queues over {@code dead_letter_entry}):
 * how many per processing group, which, and retrying or evicting them.
 */
@Component
public class DeadLetters {

    /** A listing shows at most this many sequences of a group, and this many letters of each. */
    static final int LISTED_SEQUENCES = 100;
    static final int LISTED_LETTERS_PER_SEQUENCE = 10;

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** The processing groups that park failing events. */
    public List<String> groups() {
        return processing.eventProcessors().keySet().stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent())
                .sorted()
                .toList();
    }

    /** Parked events per processing group. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String group : groups()) {
            counts.put(group, count(group));
        }
        return counts;
    }

    public long count(String group) {
        return queue(group).size();
    }

    List<ParkedEvent> list(String group) {
        List<ParkedEvent> parked = new ArrayList<>();
        int sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            if (sequences++ == LISTED_SEQUENCES) {
                break;
            }
            int letters = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters++ == LISTED_LETTERS_PER_SEQUENCE) {
                    break;
                }
                parked.add(ParkedEvent.of(group, sequenceIdentifier(letter), letter));
            }
        }
        return parked;
    }

    /**
     * Hands every parked sequence of the group to its handlers again, oldest first; a sequence whose event fails
     * again stays parked with the new cause.
     *
     * @return the sequences that were processed completely
     */
    int retry(String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> unknown(group));
        long sequences = queue(group).amountOfSequences();
        int processed = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.processAny()) {
                processed++;
            }
        }
        return processed;
    }

    /** Removes every parked event of one sequence (a position's id): they are not handled. */
    int evict(String group, String sequenceIdentifier) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceIdentifier).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new NotFoundException("no parked events of '%s' in %s".formatted(sequenceIdentifier, group));
        }
        letters.forEach(queue::evict);
        return letters.size();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> unknown(group));
    }

    private static NotFoundException unknown(String group) {
        return new NotFoundException("no processing group '%s' parks events".formatted(group));
    }

    private static String sequenceIdentifier(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : null;
    }
}
