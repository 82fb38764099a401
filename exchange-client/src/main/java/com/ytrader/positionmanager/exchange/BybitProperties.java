package com.ytrader.positionmanager.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the Bybit v5 REST client ({@code position-manager.bybit.*}, or {@code POSITION_MANAGER_BYBIT_*}).
 *
 * @param restUrl           base URL, without a trailing path (testnet: {@code https://api-testnet.bybit.com})
 * @param apiKey            key of the private calls; blank with {@code apiSecret} blank: no private calls
 * @param apiSecret         secret that signs the private calls
 * @param category          product type of every request ({@code linear}, {@code inverse}, {@code spot})
 * @param settleCoin        settle coin whose positions are listed when no symbol is asked
 * @param recvWindow        how long after its timestamp Bybit still accepts a signed request (a bare number is ms)
 * @param timeout           connect timeout, and again read timeout, of one request
 * @param maxAttempts       attempts of one request, the first included, while failures are transient
 * @param retryBackoff      wait before the first retry; it doubles before each further one
 * @param requestsPerSecond requests this client sends at most in one second, retries included
 */
@ConfigurationProperties("position-manager.bybit")
public record BybitProperties(
        @DefaultValue("https://api.bybit.com") String restUrl,
        String apiKey,
        String apiSecret,
        @DefaultValue("linear") String category,
        @DefaultValue("USDT") String settleCoin,
        @DefaultValue("5000ms") Duration recvWindow,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("10") int requestsPerSecond) {

    public BybitProperties {
        restUrl = requireText(restUrl, "rest-url").replaceAll("/+$", "");
        apiKey = blankToNull(apiKey);
        apiSecret = blankToNull(apiSecret);
        if ((apiKey == null) != (apiSecret == null)) {
            throw new IllegalArgumentException(
                    "position-manager.bybit: set both api-key and api-secret, or neither (then no private calls)");
        }
        category = requireText(category, "category");
        settleCoin = requireText(settleCoin, "settle-coin");
        requirePositive(recvWindow, "recv-window");
        requirePositive(timeout, "timeout");
        requirePositive(retryBackoff, "retry-backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("position-manager.bybit.max-attempts must be at least 1: " + maxAttempts);
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "position-manager.bybit.requests-per-second must be at least 1: " + requestsPerSecond);
        }
    }

    public boolean hasCredentials() {
        return apiKey != null;
    }

    /** Never the credentials: settings are logged by start-up diagnostics and failure analyzers. */
    @Override
    public String toString() {
        return "BybitProperties[restUrl=" + restUrl + ", apiKey=" + masked(apiKey) + ", apiSecret=" + masked(apiSecret)
                + ", category=" + category + ", settleCoin=" + settleCoin + ", recvWindow=" + recvWindow
                + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }

    private static String masked(String credential) {
        return credential == null ? "none" : "***";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("position-manager.bybit." + name + " must not be blank");
        }
        return value.strip();
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("position-manager.bybit." + name + " must be positive: " + value);
        }
    }
}
