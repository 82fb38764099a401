package com.ytrader.positionmanager.query.training;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedLinesTest {

    @Test
    void lines_end_at_lf_or_crlf_and_the_last_needs_no_terminator() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("a,b\r\n\nc\nlast"), 10);

        assertThat(lines.next()).isEqualTo("a,b");
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("c");
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.next()).isNull();
        assertThat(lines.next()).isNull();
    }

    @Test
    void a_line_of_exactly_the_bound_is_taken_one_longer_is_refused() throws IOException {
        assertThat(new BoundedLines(new StringReader("x".repeat(10) + "\r\n"), 10).next()).hasSize(10);
        assertThatThrownBy(() -> new BoundedLines(new StringReader("x".repeat(11) + "\n"), 10).next())
                .isInstanceOf(BoundedLines.TooLongException.class);
        assertThatThrownBy(() -> new BoundedLines(new StringReader("x".repeat(11)), 10).next())
                .isInstanceOf(BoundedLines.TooLongException.class);
    }

    @Test
    void a_huge_line_is_refused_after_reading_little_of_it() {
        long[] read = {0};
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, '9');
                read[0] += length;
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new BoundedLines(endless, 256).next()).isInstanceOf(BoundedLines.TooLongException.class);
        assertThat(read[0]).isLessThanOrEqualTo(1 << 16);
    }

    @Test
    void lines_longer_than_the_buffer_are_joined() throws IOException {
        String line = "y".repeat(200_000);

        assertThat(new BoundedLines(new StringReader(line + "\nz"), 300_000).next()).isEqualTo(line);
    }
}
