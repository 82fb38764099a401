package com.ytrader.positionmanager.query.history;

import com.ytrader.positionmanager.query.features.MlFeatures;
import com.ytrader.positionmanager.query.position.PositionResponse;
import com.ytrader.positionmanager.query.position.PositionRow;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Point-in-time states for many rows in one ordered pass: the rows are sorted by instant, the timeline of every
 * position is read once in effective-time order (streamed from PostgreSQL), and each row is answered when the pass
 * reaches its instant, with the state of its position and the portfolio's total exposure at that moment. Answers are
 * written to a temporary file as they come and streamed back in input order.
 *
 * <p>Memory: the requests (12 bytes a row), where each answer lies in the file (12 bytes a row), and the current
 * state of every position (one row each); never the timeline or the answers themselves.
 */
@Service
public class TrainingBatch {

    private static final int FETCH_SIZE = 10_000;

    private final DataSource dataSource;

    public TrainingBatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The answers, in a temporary file, and where each row's answer lies in it. */
    static final class Answers implements AutoCloseable {
        private final Path file;
        private final long[] offsets;
        private final int[] lengths;

        private Answers(Path file, int rows) {
            this.file = file;
            this.offsets = new long[rows];
            this.lengths = new int[rows];
        }

        /** Writes the answers in input order. */
        void writeTo(OutputStream out, byte[] header) throws IOException {
            out.write(header);
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
                    out.write(buffer.array(), 0, lengths[row]);
                }
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    Answers answer(TrainingRequests requests, boolean inclusive, Instant knownAt, TrainingFormat format) {
        Path file;
        try {
            file = Files.createTempFile("training-states", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Answers answers = new Answers(file, requests.size());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            merge(requests, inclusive, knownAt, format, answers, out);
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
                       Answers answers, OutputStream out) throws IOException, SQLException {
        int[] order = requests.byTime();
        PositionRow[] rows = new PositionRow[requests.positionCount()];
        long[] sequenceNumbers = new long[requests.positionCount()];
        // every position counts for the exposure, also those no row asks about
        java.util.Map<String, BigDecimal> exposures = new java.util.HashMap<>();
        BigDecimal totalExposure = BigDecimal.ZERO;
        long[] written = {0};
        int next = 0;
        if (requests.size() > 0) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            boolean autoCommit = connection.getAutoCommit();
            try {
                // PostgreSQL streams a result set only inside a transaction with a fetch size
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT position_id, sequence_number, asset, mode, effective_time, "
                                + TimelineRepository.ROW_COLUMNS + " FROM position_timeline WHERE effective_time "
                                + (inclusive ? "<=" : "<") + " ?"
                                + (knownAt == null ? "" : " AND known_time <= ?")
                                + " ORDER BY effective_time, position_id, sequence_number",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setObject(1, TimelineRepository.utc(requests.instant(order[order.length - 1])));
                    if (knownAt != null) {
                        statement.setObject(2, TimelineRepository.utc(knownAt));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            long effective = ChronoUnit.MICROS.between(Instant.EPOCH,
                                    TimelineRepository.instant(rs, "effective_time"));
                            // rows whose instant the pass has now passed: what is applied so far is their state
                            while (next < order.length && before(requests.micros(order[next]), effective, inclusive)) {
                                write(requests, order[next++], rows, sequenceNumbers, totalExposure, inclusive,
                                        knownAt, format, answers, out, written);
                            }
                            String positionId = rs.getString("position_id");
                            PositionRow row = TimelineRepository.positionRow(rs);
                            BigDecimal exposure = row == null ? BigDecimal.ZERO
                                    : TimelineRepository.exposure(row.size(), row.currentPrice());
                            BigDecimal previous = exposures.put(positionId, exposure);
                            totalExposure = totalExposure.subtract(previous == null ? BigDecimal.ZERO : previous)
                                    .add(exposure);
                            int position = requests.indexOf(positionId);
                            if (position >= 0) {
                                rows[position] = row;
                                sequenceNumbers[position] = rs.getLong("sequence_number");
                            }
                        }
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        while (next < order.length) {
            write(requests, order[next++], rows, sequenceNumbers, totalExposure, inclusive, knownAt, format, answers,
                    out, written);
        }
    }

    /** Is a row at {@code rowMicros} answered before a timeline row that takes effect at {@code effective}? */
    private static boolean before(long rowMicros, long effective, boolean inclusive) {
        return inclusive ? rowMicros < effective : rowMicros <= effective;
    }

    private static void write(TrainingRequests requests, int row, PositionRow[] rows, long[] sequenceNumbers,
                              BigDecimal totalExposure, boolean inclusive, Instant knownAt, TrainingFormat format,
                              Answers answers, OutputStream out, long[] written) throws IOException {
        int position = requests.position(row);
        Instant at = requests.instant(row);
        PositionRow state = rows[position];
        byte[] line = state == null
                ? format.missing(row, requests.asset(position), requests.mode(position), at)
                : format.found(row, new AsOfResponse(
                PositionResponse.of(state, MlFeatures.of(state.featureInputs(), totalExposure, at)),
                sequenceNumbers[position], at, inclusive, knownAt));
        answers.offsets[row] = written[0];
        answers.lengths[row] = line.length;
        out.write(line);
        written[0] += line.length;
    }

    private static void deleteQuietly(Answers answers) {
        try {
            answers.close();
        } catch (IOException ignored) {
            // the temporary file is left for the operating system to clean up
        }
    }
}
