package com.ytrader.positionmanager.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The Bybit v5 REST calls this service needs: the account's executions and positions (private, signed) and the
 * market's tickers (public). Every request waits for the client-side rate limit; transient failures (HTTP 5xx,
 * HTTP 403/429, {@code retCode} 10006, timeouts, connection errors) are retried with a doubling back-off and end
 * in {@link BybitUnavailableException}; refusals ({@link BybitRefusedException}) and unreadable answers
 * ({@link BybitMalformedResponseException}) are not retried. Thread-safe.
 */
public final class BybitClient {

    static final String EXECUTIONS = "/v5/execution/list";
    static final String POSITIONS = "/v5/position/list";
    static final String TICKERS = "/v5/market/tickers";
    static final int EXECUTIONS_PAGE = 100;
    static final int POSITIONS_PAGE = 200;
    /** The longest {@code startTime..endTime} the execution list accepts. */
    static final Duration EXECUTION_WINDOW = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(BybitClient.class);
    private static final String REDACTED = "***";
    private static final int RATE_LIMITED = 10006;
    private static final int PARAMETER_ERROR = 10001;
    /** Callers queue behind the rate limit rather than fail; waiting this long means the client is saturated. */
    private static final Duration PERMIT_WAIT = Duration.ofMinutes(1);
    private static final Comparator<BybitExecution> EXECUTION_ORDER = Comparator
            .comparing(BybitExecution::execTime)
            .thenComparing(BybitExecution::seq, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BybitExecution::execId);

    private final BybitProperties settings;
    private final Clock clock;
    private final RestClient http;
    private final RequestSigner signer;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public BybitClient(BybitProperties settings, Clock clock) {
        this(settings, clock, RestClient.builder());
    }

    /** @param http a builder of the application's (its metrics and observations); timeouts are set here */
    public BybitClient(BybitProperties settings, Clock clock, RestClient.Builder http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        // HTTP/1.1: over plain http (a test exchange, a proxy) the JDK client's h2c upgrade can deliver a GET twice
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .build());
        requests.setReadTimeout(settings.timeout());
        this.http = http.clone().requestFactory(requests).build();
        this.signer = settings.hasCredentials()
                ? new RequestSigner(settings.apiKey(), settings.apiSecret(), settings.recvWindow().toMillis())
                : null;
        this.rateLimiter = RateLimiter.of("bybit", RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(PERMIT_WAIT)
                .build());
        this.retry = Retry.of("bybit", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(TransientFailure.class::isInstance)
                .build());
        retry.getEventPublisher().onRetry(event -> log.warn("Bybit request attempt {} of {} failed ({}); next in {} ms",
                event.getNumberOfRetryAttempts(), settings.maxAttempts(), event.getLastThrowable().getMessage(),
                event.getWaitInterval().toMillis()));
    }

    /** Whether an API key and secret are configured; without them the private calls refuse without a request. */
    public boolean hasCredentials() {
        return signer != null;
    }

    /**
     * Every execution of a symbol (with {@code symbol} null: of every symbol of the category) whose
     * {@code execTime} lies in {@code [from, to]}: asked in consecutive 7-day windows, each read page by page,
     * deduplicated by {@code execId}, ordered by {@code execTime}, then {@code seq}, then {@code execId}.
     */
    public List<BybitExecution> executions(String symbol, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("executions: from " + from + " is after to " + to);
        }
        requireCredentials(EXECUTIONS);
        // Bybit counts whole milliseconds: a from inside one starts at the next
        long first = from.toEpochMilli() + (from.getNano() % 1_000_000 == 0 ? 0 : 1);
        long last = to.toEpochMilli();
        Map<String, BybitExecution> byExecId = new LinkedHashMap<>();
        for (long start = first; start <= last; start += EXECUTION_WINDOW.toMillis()) {
            long end = Math.min(last, start + EXECUTION_WINDOW.toMillis() - 1);
            QueryString query = new QueryString()
                    .add("category", settings.category())
                    .add("symbol", symbol)
                    .add("startTime", start)
                    .add("endTime", end)
                    .add("limit", EXECUTIONS_PAGE);
            for (BybitExecution execution : pages(EXECUTIONS, query.toString(), BybitClient::execution)) {
                byExecId.putIfAbsent(execution.execId(), execution);
            }
        }
        return byExecId.values().stream()
                .filter(execution -> !execution.execTime().isBefore(from) && !execution.execTime().isAfter(to))
                .sorted(EXECUTION_ORDER)
                .toList();
    }

    /** Every position of a symbol, or with {@code symbol} null every position settled in the settle coin. */
    public List<BybitPosition> positions(String symbol) {
        requireCredentials(POSITIONS);
        QueryString query = new QueryString().add("category", settings.category());
        if (symbol == null) {
            query.add("settleCoin", settings.settleCoin());
        } else {
            query.add("symbol", symbol);
        }
        query.add("limit", POSITIONS_PAGE);
        return pages(POSITIONS, query.toString(), BybitClient::position);
    }

    /**
     * The tickers of the symbols asked, unsigned: one request by {@code symbol} for one symbol, one request for
     * the whole category for more. A symbol Bybit does not list is absent from the answer.
     */
    public Map<String, BybitTicker> tickers(Collection<String> symbols) {
        Set<String> wanted = new LinkedHashSet<>(symbols);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        QueryString query = new QueryString().add("category", settings.category());
        if (wanted.size() == 1) {
            query.add("symbol", wanted.iterator().next());
        }
        JsonNode result;
        try {
            result = get(TICKERS, query.toString(), false);
        } catch (BybitRefusedException e) {
            if (wanted.size() == 1 && isUnknownSymbol(e)) {
                return Map.of();
            }
            throw e;
        }
        Map<String, BybitTicker> tickers = new LinkedHashMap<>();
        for (BybitTicker ticker : list(TICKERS, result, BybitClient::ticker)) {
            if (wanted.contains(ticker.symbol())) {
                tickers.put(ticker.symbol(), ticker);
            }
        }
        return tickers;
    }

    /** Bybit answers a ticker request for a symbol it does not list with a parameter error, not an empty list. */
    private static boolean isUnknownSymbol(BybitRefusedException refusal) {
        return Objects.equals(refusal.retCode(), PARAMETER_ERROR)
                && refusal.retMsg() != null && refusal.retMsg().toLowerCase(Locale.ROOT).contains("symbol invalid");
    }

    private void requireCredentials(String path) {
        if (signer == null) {
            throw new BybitCredentialsMissingException("GET " + path);
        }
    }

    /** Follows {@code nextPageCursor} until it is empty or a page is empty. */
    private <T> List<T> pages(String path, String query, Function<ResponseFields, T> reader) {
        List<T> rows = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            String pageQuery = cursor == null ? query : query + "&" + new QueryString().add("cursor", cursor);
            JsonNode result = get(path, pageQuery, true);
            List<T> page = list(path, result, reader);
            rows.addAll(page);
            cursor = new ResponseFields(result, "GET " + path + " result").text("nextPageCursor");
            if (page.isEmpty()) {
                break;
            }
            if (cursor != null && !cursors.add(cursor)) {
                throw new BybitMalformedResponseException("GET " + path + ": nextPageCursor repeats an earlier page: \""
                        + ResponseFields.abbreviate(cursor) + "\"");
            }
        } while (cursor != null);
        return rows;
    }

    private static <T> List<T> list(String path, JsonNode result, Function<ResponseFields, T> reader) {
        JsonNode list = result.get("list");
        if (list == null || !list.isArray()) {
            throw new BybitMalformedResponseException("GET " + path + ": result has no list");
        }
        List<T> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = list.get(i);
            String where = "GET " + path + " list[" + i + "]";
            if (!row.isObject()) {
                throw new BybitMalformedResponseException(where + " is not an object: \""
                        + ResponseFields.abbreviate(row.toString()) + "\"");
            }
            rows.add(reader.apply(new ResponseFields(row, where)));
        }
        return rows;
    }

    /** The {@code result} of a {@code retCode} 0 answer, after the rate limit and the retries. */
    private JsonNode get(String path, String query, boolean signed) {
        String request = "GET " + path;
        try {
            return Retry.decorateSupplier(retry, RateLimiter.decorateSupplier(rateLimiter,
                    () -> send(request, path, query, signed))).get();
        } catch (TransientFailure e) {
            throw new BybitUnavailableException(request, settings.maxAttempts(), e.getMessage(), e);
        } catch (RequestNotPermitted e) {
            throw new BybitUnavailableException(request, 0, "no permit of the client-side rate limit ("
                    + settings.requestsPerSecond() + "/s) within " + PERMIT_WAIT, e);
        }
    }

    private JsonNode send(String request, String path, String query, boolean signed) {
        URI uri = URI.create(settings.restUrl() + path + "?" + query);
        long timestamp = clock.millis();
        try {
            return http.get().uri(uri)
                    .headers(headers -> {
                        if (signed) {
                            signer.sign(headers, timestamp, query);
                        }
                    })
                    .exchange((sent, response) -> answer(request, response.getStatusCode(),
                            redacted(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8))));
        } catch (ResourceAccessException e) {
            throw new TransientFailure(e.getMostSpecificCause() instanceof HttpTimeoutException
                    ? "timed out after " + settings.timeout()
                    : "I/O error: " + e.getMostSpecificCause());
        }
    }

    /**
     * The body with the credentials blotted out before anything reads it, so that no message quotes them: Bybit's
     * answer to a refused signature ({@code retCode} 10004) echoes the signed string, API key included.
     */
    private String redacted(String body) {
        if (signer == null) {
            return body;
        }
        return body.replace(settings.apiKey(), REDACTED).replace(settings.apiSecret(), REDACTED);
    }

    private JsonNode answer(String request, HttpStatusCode status, String body) {
        if (status.is5xxServerError() || status.value() == 403 || status.value() == 429) {
            throw new TransientFailure("HTTP " + status.value() + ": \"" + ResponseFields.abbreviate(body) + "\"");
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.has("retCode")) {
            String problem = answer == null ? "is not JSON" : "is not a Bybit answer (no retCode)";
            if (status.is2xxSuccessful()) {
                throw new BybitMalformedResponseException(request + ": the body " + problem + ": \""
                        + ResponseFields.abbreviate(body) + "\"");
            }
            throw new BybitRefusedException(request, status.value(), null, ResponseFields.abbreviate(body));
        }
        ResponseFields envelope = new ResponseFields(answer, request);
        int retCode = envelope.requiredInt("retCode");
        String retMsg = envelope.text("retMsg");
        if (retCode == RATE_LIMITED) {
            throw new TransientFailure("retCode " + retCode + ", retMsg \"" + retMsg + "\"");
        }
        if (retCode != 0 || !status.is2xxSuccessful()) {
            throw new BybitRefusedException(request, status.value(), retCode, retMsg);
        }
        JsonNode result = answer.get("result");
        if (result == null || !result.isObject()) {
            throw new BybitMalformedResponseException(request + ": the answer has no result: \""
                    + ResponseFields.abbreviate(body) + "\"");
        }
        return result;
    }

    private static BybitExecution execution(ResponseFields row) {
        return new BybitExecution(
                row.requiredText("execId"), row.requiredText("symbol"), row.text("orderId"), row.text("orderLinkId"),
                row.text("side"), row.decimal("execQty"), row.decimal("execPrice"), row.decimal("execFee"),
                row.text("feeCurrency"), row.text("execType"), row.text("createType"), row.decimal("closedSize"),
                row.integer("seq"), row.requiredEpochMillis("execTime"));
    }

    private static BybitPosition position(ResponseFields row) {
        return new BybitPosition(
                row.requiredText("symbol"), row.requiredInt("positionIdx"), row.text("side"), row.decimal("size"),
                row.decimal("avgPrice"), row.decimal("markPrice"), row.decimal("unrealisedPnl"),
                row.decimal("curRealisedPnl"), row.decimal("cumRealisedPnl"), row.decimal("leverage"),
                row.decimal("liqPrice"), row.decimal("breakEvenPrice"), row.decimal("positionValue"),
                row.text("positionStatus"), row.decimal("trailingStop"), row.integer("seq"),
                row.epochMillis("createdTime"), row.epochMillis("updatedTime"));
    }

    private static BybitTicker ticker(ResponseFields row) {
        return new BybitTicker(row.requiredText("symbol"), row.decimal("markPrice"), row.decimal("lastPrice"));
    }

    /** A failure worth another attempt; only its message leaves the client, inside {@link BybitUnavailableException}. */
    static final class TransientFailure extends RuntimeException {

        TransientFailure(String message) {
            super(message, null, false, false);
        }
    }
}
