package com.ytrader.positionmanager.query.training;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text ({@code \n} or {@code \r\n}), each refused as soon as it passes a bound: a 300 MB line is
 * never held in memory, unlike {@code BufferedReader.readLine}.
 */
final class BoundedLines {

    /** A line longer than the bound; the rest of it is not read. */
    static final class TooLongException extends RuntimeException {
        TooLongException() {
            super(null, null, false, false);
        }
    }

    private final Reader reader;
    private final int maxLength;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean ended;

    BoundedLines(Reader reader, int maxLength) {
        this.reader = reader;
        this.maxLength = maxLength;
    }

    /** The next line without its terminator; null at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    ended = true;
                    return line.isEmpty() ? null : finish();
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (line.length() > maxLength + 1) {
                throw new TooLongException();
            }
            if (position < limit) {
                position++;
                return finish();
            }
        }
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private String finish() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            length--;
        }
        if (length > maxLength) {
            throw new TooLongException();
        }
        return line.substring(0, length);
    }
}
