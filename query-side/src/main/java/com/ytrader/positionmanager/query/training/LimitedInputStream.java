package com.ytrader.positionmanager.query.training;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** A stream that refuses, with the given exception, to yield more than a number of bytes. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> beyondLimit;
    private long read;

    LimitedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> beyondLimit) {
        super(in);
        this.limit = limit;
        this.beyondLimit = beyondLimit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw beyondLimit.get();
        }
    }
}
