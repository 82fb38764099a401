package com.ytrader.positionmanager.query.training;

import com.ytrader.positionmanager.query.asof.AsOfResponse;
import com.ytrader.positionmanager.query.features.FeatureInputs;
import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.position.PositionResponse;
import com.ytrader.positionmanager.query.position.PriceStaleness;
import com.ytrader.positionmanager.query.position.PositionRow;
import com.ytrader.positionmanager.query.timeline.TimelineReader;
import org.springframework.stereotype.Service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Point-in-time states for many rows in one ordered pass: the rows are sorted by instant, the timeline of every
 * position is read once in effective-time order (streamed from PostgreSQL by a {@link TimelineReader}), and each row
 * is answered when the pass reaches its instant, with the state of its position and the portfolio's total exposure at
 * that moment. Answers are written to a temporary file as they come and streamed back in input order.
 *
 * <p>Memory: the requests (12 bytes a row), where each answer lies in the file (12 bytes a row), the current state of
 * every position (one row each) and the reader's few batches; never the timeline or the answers themselves.
 */
@Service
public class TrainingBatch {

    private final DataSource dataSource;
    private final PriceStaleness staleness;

    public TrainingBatch(DataSource dataSource, PriceStaleness staleness) {
        this.dataSource = dataSource;
        this.staleness = staleness;
    }

    /** The answers, in a temporary file, and where each row's answer lies in it. */
    static final class Answers implements AutoCloseable {
        private final Path file;
        private final OutputStream out;
        private final long[] offsets;
        private final int[] lengths;
        private long length;

        private Answers(int rows) throws IOException {
            this.file = Files.createTempFile("training-states", ".part");
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.offsets = new long[rows];
            this.lengths = new int[rows];
        }

        private void add(int row, TextLine line) throws IOException {
            offsets[row] = length;
            lengths[row] = line.length();
            line.writeTo(out);
            length += line.length();
        }

        /** Bytes of all answers together. */
        long length() {
            return length;
        }

        /** Writes the header, then the answers in input order. */
        void writeTo(OutputStream response, byte[] header) throws IOException {
            out.close();
            // fewer, larger writes to the socket than one per answer
            OutputStream buffered = new BufferedOutputStream(response, 1 << 16);
            buffered.write(header);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                for (int row = 0; row < offsets.length; row++) {
                    if (lengths[row] > buffer.capacity()) {
                        buffer = ByteBuffer.allocate(lengths[row]);
                    }
                    buffer.clear().limit(lengths[row]);
                    long position = offsets[row];
                    while (buffer.hasRemaining()) {
                        position += channel.read(buffer, position);
                    }
                    buffered.write(buffer.array(), 0, lengths[row]);
                }
            }
            buffered.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    Answers answer(TrainingRequests requests, boolean inclusive, Instant knownAt, TrainingFormat format) {
        Answers answers;
        try {
            answers = new Answers(requests.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            merge(requests, inclusive, knownAt, format, answers);
        } catch (IOException e) {
            deleteQuietly(answers);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            deleteQuietly(answers);
            throw new IllegalStateException("reading position_timeline failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(answers);
            throw e;
        }
        return answers;
    }

    private void merge(TrainingRequests requests, boolean inclusive, Instant knownAt, TrainingFormat format,
                       Answers answers) throws IOException, SQLException {
        int[] order = requests.byTime();
        PositionRow[] rows = new PositionRow[requests.positionCount()];
        long[] sequenceNumbers = new long[requests.positionCount()];
        // every position counts for the exposure, also those no row asks about
        Map<String, Exposure> exposures = new HashMap<>();
        BigDecimal totalExposure = BigDecimal.ZERO;
        TextLine line = new TextLine();
        int next = 0;
        if (requests.size() > 0) {
            try (TimelineReader timeline = new TimelineReader(dataSource, requests.instant(order[order.length - 1]),
                    inclusive, knownAt)) {
                TimelineReader.Entry entry;
                while ((entry = timeline.next()) != null) {
                    // rows whose instant the pass has now passed: what is applied so far is their state
                    while (next < order.length
                            && before(requests.micros(order[next]), entry.effectiveMicros(), inclusive)) {
                        write(requests, order[next++], rows, sequenceNumbers, totalExposure, inclusive, knownAt,
                                format, line, answers);
                    }
                    Exposure exposure = exposures.computeIfAbsent(entry.positionId(),
                            id -> new Exposure(requests.indexOf(id)));
                    PositionRow row = entry.row();
                    BigDecimal current = row == null ? BigDecimal.ZERO
                            : FeatureInputs.exposure(row.fields().size(), row.fields().currentPrice());
                    totalExposure = totalExposure.subtract(exposure.value).add(current);
                    exposure.value = current;
                    if (exposure.position >= 0) {
                        rows[exposure.position] = row;
                        sequenceNumbers[exposure.position] = entry.sequenceNumber();
                    }
                }
            }
        }
        while (next < order.length) {
            write(requests, order[next++], rows, sequenceNumbers, totalExposure, inclusive, knownAt, format, line,
                    answers);
        }
    }

    /** What one position adds to the total exposure so far, and its index in the request (-1: not asked for). */
    private static final class Exposure {
        private final int position;
        private BigDecimal value = BigDecimal.ZERO;

        private Exposure(int position) {
            this.position = position;
        }
    }

    /** Is a row at {@code rowMicros} answered before a timeline row that takes effect at {@code effective}? */
    private static boolean before(long rowMicros, long effective, boolean inclusive) {
        return inclusive ? rowMicros < effective : rowMicros <= effective;
    }

    private void write(TrainingRequests requests, int row, PositionRow[] rows, long[] sequenceNumbers,
                              BigDecimal totalExposure, boolean inclusive, Instant knownAt, TrainingFormat format,
                              TextLine line, Answers answers) throws IOException {
        int position = requests.position(row);
        Instant at = requests.instant(row);
        PositionRow state = rows[position];
        line.clear();
        if (state == null) {
            format.missing(row, requests.asset(position), requests.mode(position), at, line);
        } else {
            format.found(row, new AsOfResponse(
                    PositionResponse.of(state, MlFeatures.of(state.featureInputs(), totalExposure, at), staleness, at),
                    sequenceNumbers[position], at, inclusive, knownAt), line);
        }
        answers.add(row, line);
    }

    private static void deleteQuietly(Answers answers) {
        try {
            answers.close();
        } catch (IOException ignored) {
            // the temporary file is left for the operating system to clean up
        }
    }
}
