package com.ytrader.positionmanager.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The API keys that may call {@code /api/**}, each with its own rate limit (the README's tiers: Model Service 100/min,
 * Risk Manager 200/min, UI 1000/min). Entries with a blank key are not configured and accept nothing.
 */
@ConfigurationProperties("position-manager.api")
public record ApiKeyProperties(List<Client> keys) {

    public ApiKeyProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * @param name  who holds the key (logged and counted, never the key itself)
     * @param roles what else the key may do besides reading, e.g. {@code admin} (replay of the read models)
     */
    public record Client(String name, String key, int requestsPerMinute, List<String> roles) {

        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
