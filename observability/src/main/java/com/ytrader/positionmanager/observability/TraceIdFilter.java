package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.events.EventMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request a {@code trace_id} in the logging context (SLF4J MDC), so each log line the request
 * causes carries it, and echoes it in the {@code X-Trace-Id} response header. A caller's id is kept when it looks
 * like an id, so a trace crosses services; anything else is replaced, so a header can never write arbitrary text
 * into the logs.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Trace-Id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = traceIdOf(request);
        MDC.put(EventMetadata.TRACE_ID, traceId);
        response.setHeader(HEADER, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            // server threads are pooled: a leftover id would mark the next request's lines
            MDC.remove(EventMetadata.TRACE_ID);
        }
    }

    private static String traceIdOf(HttpServletRequest request) {
        String incoming = request.getHeader(HEADER);
        if (incoming != null && ACCEPTED.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
