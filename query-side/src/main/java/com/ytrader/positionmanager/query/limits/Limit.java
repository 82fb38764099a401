package com.ytrader.positionmanager.query.limits;

/** The limits a risk user can set, under the names the REST API and the limit events give them. */
public enum Limit {

    MAX_TOTAL_EXPOSURE_USDT("max_total_exposure_usdt", false),
    MAX_POSITION_EXPOSURE_USDT("max_position_exposure_usdt", true),
    MAX_POSITION_SIZE_RATIO("max_position_size_ratio", true),
    TAKE_PROFIT_PCT("take_profit_pct", true);

    private final String wireName;
    private final boolean perPosition;

    Limit(String wireName, boolean perPosition) {
        this.wireName = wireName;
        this.perPosition = perPosition;
    }

    public String wireName() {
        return wireName;
    }

    /** A limit of each position (its checks name the asset), else of the whole portfolio. */
    public boolean perPosition() {
        return perPosition;
    }

    public static Limit fromWireName(String wireName) {
        for (Limit limit : values()) {
            if (limit.wireName.equals(wireName)) {
                return limit;
            }
        }
        throw new IllegalArgumentException("no limit " + wireName);
    }
}
