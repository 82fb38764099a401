package com.ytrader.positionmanager.query.position;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.events.CloseReason;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How the two figures that are not plain numbers are stored, in {@code positions} and {@code position_timeline}
 * alike: {@code fees_by_currency} as a JSONB object of decimal strings (exact, whatever the scale),
 * {@code close_reason} as its wire name.
 */
public final class PositionColumns {

    /** Its own mapper: the REST layer's JSON settings must not change what is stored. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, BigDecimal>> FEES = new TypeReference<>() {
    };
    private static final String NO_FEES = "{}";

    private PositionColumns() {
    }

    public static String feesByCurrency(SortedMap<String, BigDecimal> fees) {
        if (fees.isEmpty()) {
            return NO_FEES;
        }
        Map<String, String> plain = new LinkedHashMap<>();
        fees.forEach((currency, fee) -> plain.put(currency, fee.toPlainString()));
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's text back as the figures had it; most positions pay no fee outside the settle currency. */
    public static SortedMap<String, BigDecimal> feesByCurrency(String column) {
        if (column == null || column.equals(NO_FEES)) {
            return Collections.emptySortedMap();
        }
        try {
            return Collections.unmodifiableSortedMap(JSON.readValue(column, FEES));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String closeReason(CloseReason reason) {
        return reason == null ? null : reason.wireName();
    }

    public static CloseReason closeReason(String column) {
        return column == null ? null : CloseReason.valueOf(column.toUpperCase(Locale.ROOT));
    }
}
