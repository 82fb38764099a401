package com.ytrader.positionmanager.query.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.api.RejectedInput;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;
import com.ytrader.positionmanager.query.timeline.Timestamps;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a training request, held compactly: per row the index of its position and its instant in microseconds
 * (12 bytes), the positions once each. Read from the request body as it streams in, JSON array or CSV.
 */
final class TrainingRequests {

    /** Keeps one request within a few hundred MB of memory and temporary file. */
    static final int MAX_ROWS = 10_000_000;
    /** Longest string of a JSON row (an asset is 2 to 30 characters, a timestamp about 30). */
    static final int MAX_TEXT = 256;
    /** Longest CSV line: room for asset, mode and the longest ISO-8601 instant with spaces around. */
    static final int MAX_CSV_LINE = 256;
    static final String CSV_HEADER = "asset,mode,timestamp";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_TEXT).maxNameLength(MAX_TEXT).maxNumberLength(MAX_TEXT).maxNestingDepth(64)
                    .build())
            .build();

    private final Map<String, Integer> positionIndex = new HashMap<>();
    private final List<String> assets = new ArrayList<>();
    private final List<PositionMode> modes = new ArrayList<>();
    private int[] positions = new int[1024];
    private long[] micros = new long[1024];
    private int size;

    int size() {
        return size;
    }

    int position(int row) {
        return positions[row];
    }

    long micros(int row) {
        return micros[row];
    }

    Instant instant(int row) {
        return Instant.EPOCH.plus(micros[row], ChronoUnit.MICROS);
    }

    String asset(int position) {
        return assets.get(position);
    }

    PositionMode mode(int position) {
        return modes.get(position);
    }

    int positionCount() {
        return positionIndex.size();
    }

    /** Index of the position, -1 when no row asks for it. */
    int indexOf(String positionId) {
        Integer index = positionIndex.get(positionId);
        return index == null ? -1 : index;
    }

    /** Row numbers ordered by instant, ties in input order (a stable merge sort on primitives). */
    int[] byTime() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] buffer = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int low = 0; low < size; low += 2 * width) {
                int middle = Math.min(low + width, size);
                int high = Math.min(low + 2 * width, size);
                int left = low;
                int right = middle;
                for (int k = low; k < high; k++) {
                    if (left < middle && (right >= high || micros[order[left]] <= micros[order[right]])) {
                        buffer[k] = order[left++];
                    } else {
                        buffer[k] = order[right++];
                    }
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    /**
     * A JSON array of objects, nothing before or after it. A field may appear once per object; the three known fields
     * are strings (or null), other fields are skipped; no string may be longer than {@link #MAX_TEXT} characters, so
     * a huge value is refused as it streams in, never held whole.
     */
    static TrainingRequests fromJson(InputStream body, Charset charset) throws IOException {
        TrainingRequests requests = new TrainingRequests();
        try (JsonParser parser = StandardCharsets.UTF_8.equals(charset) ? JSON.createParser(body)
                : JSON.createParser(new InputStreamReader(body, charset))) {
            readJson(parser, requests);
            JsonToken after = nextOutsideRows(parser);
            if (after != null) {
                throw new InvalidParameterException("body", "nothing may follow the array, found " + after);
            }
        } catch (JsonProcessingException malformed) {
            throw new InvalidParameterException(rowName(requests.size), rowName(requests.size) + ": "
                    + RejectedInput.abbreviate(malformed.getOriginalMessage()));
        }
        return requests;
    }

    private static void readJson(JsonParser parser, TrainingRequests requests) throws IOException {
        if (nextOutsideRows(parser) != JsonToken.START_ARRAY) {
            throw new InvalidParameterException("body", "the body must be a JSON array of {asset, mode, timestamp}");
        }
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            int row = requests.size;
            if (element != JsonToken.START_OBJECT) {
                throw new InvalidParameterException(rowName(row),
                        rowName(row) + " must be an object {asset, mode, timestamp}, was " + element);
            }
            String asset = null;
            String mode = null;
            String timestamp = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "asset" -> asset = text(parser, row, field);
                    case "mode" -> mode = text(parser, row, field);
                    case "timestamp" -> timestamp = text(parser, row, field);
                    default -> parser.skipChildren();
                }
            }
            requests.add(asset, mode, timestamp);
        }
    }

    /** The next token where a parse error is about the body, not about a row. */
    private static JsonToken nextOutsideRows(JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException malformed) {
            throw new InvalidParameterException("body", "the body is not one JSON array: "
                    + RejectedInput.abbreviate(malformed.getOriginalMessage()));
        }
    }

    private static String text(JsonParser parser, int row, String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidParameterException(field(row, field),
                    field(row, field) + " must be a string, was " + token);
        }
        return parser.getText();
    }

    /**
     * {@code asset,mode,timestamp} per line, optionally after a header line (its first column {@code asset}) that names
     * exactly these columns; blank lines are skipped. A line longer than {@link #MAX_CSV_LINE} characters is refused
     * unread beyond that.
     */
    static TrainingRequests fromCsv(InputStream body, Charset charset) throws IOException {
        TrainingRequests requests = new TrainingRequests();
        // a request names few positions many times: each distinct "asset,mode" text is checked once
        Map<String, Integer> positionByText = new HashMap<>();
        BoundedLines lines = new BoundedLines(new InputStreamReader(body, charset), MAX_CSV_LINE);
        String line;
        boolean first = true;
        while ((line = nextCsvLine(lines, requests.size)) != null) {
            if (line.isBlank()) {
                continue;
            }
            int assetEnd = line.indexOf(',');
            if (first && (assetEnd < 0 ? line : line.substring(0, assetEnd)).trim().equalsIgnoreCase("asset")) {
                first = false;
                if (!CSV_HEADER.equals(line.replace(" ", "").toLowerCase(Locale.ROOT))) {
                    throw new InvalidParameterException("body", "the CSV header must be " + CSV_HEADER + ", was '"
                            + RejectedInput.abbreviate(line) + "'");
                }
                continue;
            }
            first = false;
            int modeEnd = assetEnd < 0 ? -1 : line.indexOf(',', assetEnd + 1);
            if (modeEnd < 0 || line.indexOf(',', modeEnd + 1) >= 0) {
                throw new InvalidParameterException(rowName(requests.size), rowName(requests.size)
                        + " must be asset,mode,timestamp, was '" + RejectedInput.abbreviate(line) + "'");
            }
            String positionText = line.substring(0, modeEnd);
            Integer position = positionByText.get(positionText);
            if (position == null) {
                position = requests.position(line.substring(0, assetEnd).trim(),
                        line.substring(assetEnd + 1, modeEnd).trim());
                positionByText.put(positionText, position);
            }
            requests.add(position, line.substring(modeEnd + 1).trim());
        }
        return requests;
    }

    private static String nextCsvLine(BoundedLines lines, int row) throws IOException {
        try {
            return lines.next();
        } catch (BoundedLines.TooLongException tooLong) {
            throw new InvalidParameterException(rowName(row), rowName(row) + ": a CSV line is at most "
                    + MAX_CSV_LINE + " characters (asset,mode,timestamp); this one is longer");
        }
    }

    private void add(String asset, String mode, String timestamp) {
        add(position(asset, mode), timestamp);
    }

    /** The index of the position of the next row, checking its asset and mode. */
    private int position(String asset, String mode) {
        requireRoom();
        int row = size;
        if (!PositionId.isValidAsset(asset)) {
            throw new InvalidParameterException(field(row, "asset"),
                    field(row, "asset") + " must be 2 to 30 upper-case letters or digits, was '"
                            + RejectedInput.abbreviate(asset) + "'");
        }
        PositionMode positionMode;
        try {
            positionMode = mode == null || mode.isEmpty() ? PositionMode.ONE_WAY : PositionMode.fromWireName(mode);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException(field(row, "mode"),
                    field(row, "mode") + " must be one-way or hedge, was '" + RejectedInput.abbreviate(mode) + "'");
        }
        String positionId = PositionId.of(asset, positionMode);
        Integer position = positionIndex.get(positionId);
        if (position == null) {
            position = positionIndex.size();
            positionIndex.put(positionId, position);
            assets.add(asset);
            modes.add(positionMode);
        }
        return position;
    }

    private void add(int position, String timestamp) {
        requireRoom();
        long at = Timestamps.requiredMicros(field(size, "timestamp"), timestamp);
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            micros = Arrays.copyOf(micros, size * 2);
        }
        positions[size] = position;
        micros[size] = at;
        size++;
    }

    private void requireRoom() {
        if (size >= MAX_ROWS) {
            throw new InvalidParameterException("body", "at most " + MAX_ROWS + " rows per request");
        }
    }

    private static String rowName(int row) {
        return "rows[" + row + "]";
    }

    private static String field(int row, String name) {
        return rowName(row) + "." + name;
    }
}
