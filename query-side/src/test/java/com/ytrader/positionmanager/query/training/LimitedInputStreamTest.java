package com.ytrader.positionmanager.query.training;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitedInputStreamTest {

    private static final class Beyond extends RuntimeException {
    }

    @Test
    void a_body_up_to_the_limit_is_read_whole() throws IOException {
        InputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100, Beyond::new);

        assertThat(limited.readAllBytes()).hasSize(100);
    }

    @Test
    void the_first_byte_beyond_the_limit_is_refused_with_the_given_exception() throws IOException {
        InputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100, Beyond::new);

        assertThat(limited.read(new byte[60])).isEqualTo(60);
        assertThatThrownBy(limited::readAllBytes).isInstanceOf(Beyond.class);
    }

    @Test
    void single_bytes_and_skips_count_too() throws IOException {
        InputStream limited = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 5, Beyond::new);

        assertThat(limited.skip(5)).isEqualTo(5);
        assertThatThrownBy(limited::read).isInstanceOf(Beyond.class);
    }
}
