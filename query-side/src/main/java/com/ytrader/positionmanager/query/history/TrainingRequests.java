package com.ytrader.positionmanager.query.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.ytrader.positionmanager.api.InvalidParameterException;
import com.ytrader.positionmanager.events.PositionId;
import com.ytrader.positionmanager.events.PositionMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a training request, held compactly: per row the index of its position and its instant in microseconds
 * (12 bytes), the positions once each. Read from the request body as it streams in, JSON array or CSV.
 */
final class TrainingRequests {

    /** Keeps one request within a few hundred MB of memory and temporary file. */
    static final int MAX_ROWS = 10_000_000;

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

    static TrainingRequests fromJson(InputStream body) throws IOException {
        TrainingRequests requests = new TrainingRequests();
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            readJson(parser, requests);
        } catch (JsonProcessingException malformed) {
            throw new InvalidParameterException("body", "row " + requests.size + ": " + malformed.getOriginalMessage());
        }
        return requests;
    }

    private static void readJson(JsonParser parser, TrainingRequests requests) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new InvalidParameterException("body", "the body must be a JSON array of {asset, mode, timestamp}");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String asset = null;
            String mode = null;
            String timestamp = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "asset" -> asset = parser.getValueAsString();
                    case "mode" -> mode = parser.getValueAsString();
                    case "timestamp" -> timestamp = parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
            requests.add(asset, mode, timestamp);
        }
    }

    /** {@code asset,mode,timestamp} per line; a first line starting with {@code asset} is the header. */
    static TrainingRequests fromCsv(InputStream body) throws IOException {
        TrainingRequests requests = new TrainingRequests();
        // a request names few positions many times: each distinct "asset,mode" text is checked once
        Map<String, Integer> positionByText = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
        String line;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || (first && line.trim().toLowerCase().startsWith("asset"))) {
                first = false;
                continue;
            }
            first = false;
            int assetEnd = line.indexOf(',');
            int modeEnd = assetEnd < 0 ? -1 : line.indexOf(',', assetEnd + 1);
            if (modeEnd < 0 || line.indexOf(',', modeEnd + 1) >= 0) {
                throw new InvalidParameterException(field(requests.size, "body"),
                        "CSV row " + requests.size + " must be asset,mode,timestamp, was '" + line + "'");
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

    private void add(String asset, String mode, String timestamp) {
        add(position(asset, mode), timestamp);
    }

    /** The index of the position of the next row, checking its asset and mode. */
    private int position(String asset, String mode) {
        requireRoom();
        int row = size;
        if (!PositionId.isValidAsset(asset)) {
            throw new InvalidParameterException(field(row, "asset"),
                    "row " + row + ": asset must be 2 to 30 upper-case letters or digits, was '" + asset + "'");
        }
        PositionMode positionMode;
        try {
            positionMode = mode == null || mode.isEmpty() ? PositionMode.ONE_WAY : PositionMode.fromWireName(mode);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException(field(row, "mode"),
                    "row " + row + ": mode must be one-way or hedge, was '" + mode + "'");
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

    private static String field(int row, String name) {
        return "rows[" + row + "]." + name;
    }
}
