package com.ytrader.positionmanager.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * While the read models are rebuilt their tables are incomplete: reads of them are answered 503 with
 * {@code Retry-After} rather than with a partial portfolio or history. Reads are the {@code GET}s and the training
 * batch; the command side's {@code POST}s (validate, snapshot; in one JVM with the query side they share these
 * paths) work on the event store and are never held.
 */
class ReplayGate extends OncePerRequestFilter {

    static final String TRAINING = "/api/v1/training/";

    private final ReadModelReplay replay;
    private final ObjectMapper json;

    ReplayGate(ReadModelReplay replay, ObjectMapper json) {
        this.replay = replay;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || request.getRequestURI().startsWith(request.getContextPath() + TRAINING);
        return !read;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!replay.running()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The read models are being rebuilt from the event store; progress: GET /api/v1/admin/replay.",
                request));
    }
}
