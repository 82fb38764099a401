package com.ytrader.positionmanager.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;

@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "history")
class TrainingController {

    private final TrainingBatch batch;

    TrainingController(TrainingBatch batch) {
        this.batch = batch;
    }

    /**
     * Reads the whole body and answers every row before the first byte goes out, so that a bad row is a 400 and not
     * a truncated stream; the answers then stream from a temporary file in input order.
     */
    @PostMapping("/position-states")
    @Operation(summary = "Point-in-time states for many (asset, mode, timestamp) rows, one result row per input row in "
            + "input order; body: JSON array or CSV (Content-Type text/csv); NDJSON out, CSV with Accept: text/csv")
    void positionStates(HttpServletRequest request, HttpServletResponse response,
                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                        @RequestParam(defaultValue = "true")
                        @Parameter(description = "false: only events strictly before each row's timestamp")
                        boolean inclusive,
                        @RequestParam(name = "known_at", required = false)
                        @Parameter(description = "only events recorded by this instant") String knownAt)
            throws IOException {
        Instant known = Timestamps.parse("known_at", knownAt);
        String contentType = request.getContentType();
        TrainingRequests rows = contentType != null && contentType.startsWith("text/csv")
                ? TrainingRequests.fromCsv(request.getInputStream())
                : TrainingRequests.fromJson(request.getInputStream());
        TrainingFormat format = accept != null && accept.contains("text/csv")
                ? new TrainingFormat.Csv() : new TrainingFormat.NdJson();
        try (TrainingBatch.Answers answers = batch.answer(rows, inclusive, known, format)) {
            byte[] header = format.header();
            response.setStatus(200);
            response.setContentType(format.contentType() + ";charset=UTF-8");
            response.setContentLengthLong(header.length + answers.length());
            answers.writeTo(response.getOutputStream(), header);
        }
    }
}
