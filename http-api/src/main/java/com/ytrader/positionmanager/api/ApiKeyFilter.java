package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code X-API-Key} on every {@code /api/**} and metrics request: 401 without a known key, 429 with
 * {@code Retry-After} once the key's bucket is empty. Runs before Spring MVC, so it writes its problem+json itself.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiClients clients;
    private final ObjectMapper json;

    ApiKeyFilter(ApiClients clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiClients.ApiClient> client = clients.authenticate(request.getHeader(HEADER));
        if (client.isEmpty()) {
            reject(request, response, HttpStatus.UNAUTHORIZED, "A valid " + HEADER + " header is required.");
            return;
        }
        ConsumptionProbe probe = client.get().bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfterSeconds = Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            reject(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Rate limit of API client '" + client.get().name() + "' exceeded; retry after "
                            + retryAfterSeconds + " s.");
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        request.setAttribute(ApiRoles.ATTRIBUTE, client.get().roles());
        chain.doFilter(request, response);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Problems.write(response, json, Problems.of(status, detail, request));
    }
}
