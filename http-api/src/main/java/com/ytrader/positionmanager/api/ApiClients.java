package com.ytrader.positionmanager.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The configured API clients: who a presented key belongs to, and each client's rate-limit bucket. */
class ApiClients {

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

    record ApiClient(String name, byte[] keyDigest, Bucket bucket, List<String> roles) {
    }

    private final List<ApiClient> clients;

    ApiClients(ApiKeyProperties properties) {
        this.clients = properties.keys().stream()
                .filter(client -> client.key() != null && !client.key().isBlank())
                .map(client -> new ApiClient(client.name(), digest(client.key()), bucket(client.requestsPerMinute()),
                        client.roles()))
                .toList();
        if (clients.isEmpty()) {
            log.warn("No API key configured (POSITION_MANAGER_API_KEY): every /api request will be refused");
        }
    }

    /**
     * The client whose key this is. Digests of equal length are compared in constant time and every client is
     * compared, so the time taken tells nothing about how much of a key matched, nor which one.
     */
    Optional<ApiClient> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        ApiClient match = null;
        for (ApiClient client : clients) {
            if (MessageDigest.isEqual(client.keyDigest(), presented)) {
                match = client;
            }
        }
        return Optional.ofNullable(match);
    }

    private static Bucket bucket(int requestsPerMinute) {
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requests-per-minute must be positive, was " + requestsPerMinute);
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute)
                        .refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
