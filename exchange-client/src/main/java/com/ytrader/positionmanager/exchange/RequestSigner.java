package com.ytrader.positionmanager.exchange;

import org.springframework.http.HttpHeaders;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Bybit v5 request signing: hex HMAC-SHA256, keyed with the API secret, of
 * {@code timestamp + apiKey + recvWindow + queryString}, where the query string is exactly the one sent.
 */
final class RequestSigner {

    static final String API_KEY = "X-BAPI-API-KEY";
    static final String SIGN = "X-BAPI-SIGN";
    static final String TIMESTAMP = "X-BAPI-TIMESTAMP";
    static final String RECV_WINDOW = "X-BAPI-RECV-WINDOW";
    private static final String ALGORITHM = "HmacSHA256";

    private final String apiKey;
    private final SecretKeySpec secret;
    private final String recvWindowMillis;

    RequestSigner(String apiKey, String apiSecret, long recvWindowMillis) {
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.recvWindowMillis = Long.toString(recvWindowMillis);
    }

    void sign(HttpHeaders headers, long timestampMillis, String queryString) {
        String timestamp = Long.toString(timestampMillis);
        headers.set(API_KEY, apiKey);
        headers.set(TIMESTAMP, timestamp);
        headers.set(RECV_WINDOW, recvWindowMillis);
        headers.set(SIGN, hmac(timestamp + apiKey + recvWindowMillis + queryString));
    }

    private String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
