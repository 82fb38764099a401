package com.ytrader.positionmanager.query.processing;

import com.ytrader.positionmanager.events.Bounds;
import com.ytrader.positionmanager.events.CarriesPositionFigures;
import com.ytrader.positionmanager.events.PositionFigures;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether every value of an event fits the read models' columns ({@link Bounds}): every text, decimal and instant
 * of the payload, of the records it nests, and of the metadata, and the figures the read models derive from them
 * (entry notional, average entry price, totals). The command side holds its commands to the same bounds; this is
 * the other end, for events recorded before those checks or written past them.
 */
final class StorableValues {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
            return components;
        }
    };

    private StorableValues() {
    }

    /** Why an event's payload cannot be stored, naming where in it; {@code null} when it can. */
    static String ofPayload(String path, Object payload) {
        String violation = violation(path, payload);
        if (violation == null && payload instanceof CarriesPositionFigures carrier && carrier.position() != null) {
            PositionFigures figures = carrier.position();
            Map<String, BigDecimal> derived = new LinkedHashMap<>();
            derived.put("size", figures.size());
            derived.put("entryNotional", figures.entryNotional());
            derived.put("averageEntryPrice", figures.averageEntryPrice());
            derived.put("unrealizedPnl", figures.unrealizedPnl());
            derived.put("realizedPnl", figures.realizedPnl());
            violation = violation(path + ".position", derived);
        }
        return violation;
    }

    /** Why {@code value} cannot be stored, naming where in it; {@code null} when it can. */
    static String violation(String path, Object value) {
        String violation = violationWithin(value);
        return violation == null ? null : path + violation;
    }

    /**
     * The violation as seen from {@code value}: where in it (".field", "[index]") and why. The path is put together
     * only for a violation, on the way back up: every event the read models see passes through here.
     */
    private static String violationWithin(Object value) {
        if (value instanceof String text) {
            String violation = Bounds.textViolation(text);
            return violation == null ? null : " " + violation;
        }
        if (value instanceof BigDecimal decimal) {
            return Bounds.fitsNumericColumn(decimal) ? null : " does not fit NUMERIC(38,18): " + decimal;
        }
        if (value instanceof Instant instant) {
            return Bounds.withinTimeRange(instant) ? null : " is outside " + Bounds.timeRange() + ": " + instant;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String violation = violationWithin(entry.getValue());
                if (violation != null) {
                    return "." + entry.getKey() + violation;
                }
            }
            return null;
        }
        if (value instanceof Collection<?> elements) {
            int index = 0;
            for (Object element : elements) {
                String violation = violationWithin(element);
                if (violation != null) {
                    return "[" + index + "]" + violation;
                }
                index++;
            }
            return null;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                String violation = violationWithin(read(component, record));
                if (violation != null) {
                    return "." + component.getName() + violation;
                }
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
