package com.ytrader.positionmanager.query.training;

import com.ytrader.positionmanager.query.timeline.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.StringToClassMapItem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "history")
class TrainingController {

    static final String TEXT_CSV_VALUE = "text/csv";
    static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);
    private static final List<MediaType> BODY_TYPES = List.of(MediaType.APPLICATION_JSON, TEXT_CSV);

    private final TrainingBatch batch;
    private final long maxBodyBytes;

    TrainingController(TrainingBatch batch,
                       @Value("${position-manager.training.max-body-size}") DataSize maxBodySize) {
        this.batch = batch;
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    /**
     * Reads the whole body and answers every row before the first byte goes out, so that a bad row is a 400 and not
     * a truncated stream; the answers then stream from a temporary file in input order.
     */
    @PostMapping("/position-states")
    @Operation(operationId = "getPositionStates",
            summary = "Point-in-time states for many (asset, mode, timestamp) rows",
            description = "One result row per input row in input order; body: JSON array (application/json, the "
                    + "default) or CSV (text/csv), any charset; NDJSON out, CSV with Accept: text/csv; a body beyond "
                    + "position-manager.training.max-body-size is answered 413")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(
                    type = "object", requiredProperties = {"asset", "mode", "timestamp"}, properties = {
                            @StringToClassMapItem(key = "asset", value = String.class),
                            @StringToClassMapItem(key = "mode", value = String.class),
                            @StringToClassMapItem(key = "timestamp", value = String.class)},
                    example = "{\"asset\": \"BTCUSDT\", \"mode\": \"one-way\", "
                            + "\"timestamp\": \"2025-01-15T10:30:00Z\"}"))),
            @Content(mediaType = TEXT_CSV_VALUE, schema = @Schema(type = "string",
                    example = "asset,mode,timestamp\nBTCUSDT,one-way,2025-01-15T10:30:00Z\n"))})
    @ApiResponse(responseCode = "200", description = "One row per input row, in input order", content = {
            @Content(mediaType = TrainingFormat.NDJSON_VALUE, schema = @Schema(type = "string",
                    description = "one JSON object per line: row, found and the as-of fields")),
            @Content(mediaType = TEXT_CSV_VALUE, schema = @Schema(type = "string",
                    description = "a header line, then one line per input row"))})
    void positionStates(HttpServletRequest request, HttpServletResponse response,
                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                        @RequestParam(defaultValue = "true")
                        @Parameter(description = "false: only events strictly before each row's timestamp")
                        boolean inclusive,
                        @RequestParam(name = "known_at", required = false)
                        @Parameter(description = "only events recorded by this instant") String knownAt)
            throws IOException, HttpMediaTypeNotSupportedException {
        Instant known = Timestamps.parse("known_at", knownAt);
        MediaType bodyType = bodyType(request.getContentType());
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        Charset charset = bodyType.getCharset() == null ? StandardCharsets.UTF_8 : bodyType.getCharset();
        InputStream body = new LimitedInputStream(request.getInputStream(), maxBodyBytes, this::tooLarge);
        TrainingRequests rows = bodyType.equalsTypeAndSubtype(TEXT_CSV)
                ? TrainingRequests.fromCsv(body, charset)
                : TrainingRequests.fromJson(body, charset);
        TrainingFormat format = wantsCsv(accept) ? new TrainingFormat.Csv() : new TrainingFormat.NdJson();
        try (TrainingBatch.Answers answers = batch.answer(rows, inclusive, known, format)) {
            byte[] header = format.header();
            response.setStatus(200);
            response.setContentType(format.contentType() + ";charset=UTF-8");
            response.setContentLengthLong(header.length + answers.length());
            answers.writeTo(response.getOutputStream(), header);
        }
    }

    /** JSON without a Content-Type; else JSON or CSV by media type (case-insensitive, parameters allowed). */
    private static MediaType bodyType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            throw new HttpMediaTypeNotSupportedException(contentType);
        }
        if (BODY_TYPES.stream().noneMatch(type::equalsTypeAndSubtype)) {
            throw new HttpMediaTypeNotSupportedException(type, BODY_TYPES);
        }
        return type;
    }

    /** {@code Accept: text/csv} (among others, any case) asks for CSV; anything else, or nothing, for NDJSON. */
    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(TEXT_CSV::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /** Also for a chunked body, which announces no length: counted as it is read. */
    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The body may be at most " + maxBodyBytes
                + " bytes (position-manager.training.max-body-size); send the rows in several requests.");
    }
}
