package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.events.EventMetadata;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TraceIdFilterTest {

    private final TraceIdFilter filter = new TraceIdFilter();
    private final AtomicReference<String> seenWhileHandling = new AtomicReference<>();

    @Test
    void aValidIncomingTraceIdIsKeptAndEchoed() throws Exception {
        MockHttpServletResponse response = handle("order-manager:7f3a.91");

        assertThat(seenWhileHandling).hasValue("order-manager:7f3a.91");
        assertThat(response.getHeader(TraceIdFilter.HEADER)).isEqualTo("order-manager:7f3a.91");
    }

    @Test
    void anInvalidIncomingTraceIdIsReplacedByANewUuid() throws Exception {
        MockHttpServletResponse response = handle("x\" injected=\"1");

        assertThat(seenWhileHandling.get()).isNotEqualTo("x\" injected=\"1");
        assertThatCode(() -> UUID.fromString(seenWhileHandling.get())).doesNotThrowAnyException();
        assertThat(response.getHeader(TraceIdFilter.HEADER)).isEqualTo(seenWhileHandling.get());
    }

    @Test
    void anOverlongIncomingTraceIdIsReplaced() throws Exception {
        handle("a".repeat(129));

        assertThatCode(() -> UUID.fromString(seenWhileHandling.get())).doesNotThrowAnyException();
    }

    @Test
    void aRequestWithoutTraceIdGetsANewUuid() throws Exception {
        MockHttpServletResponse response = handle(null);

        assertThatCode(() -> UUID.fromString(seenWhileHandling.get())).doesNotThrowAnyException();
        assertThat(response.getHeader(TraceIdFilter.HEADER)).isEqualTo(seenWhileHandling.get());
    }

    @Test
    void theTraceIdIsClearedAfterTheRequestEvenWhenHandlingFails() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");

        assertThatCode(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(MDC.get(EventMetadata.TRACE_ID)).isNull();
    }

    private MockHttpServletResponse handle(String incomingTraceId) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/anything");
        if (incomingTraceId != null) {
            request.addHeader(TraceIdFilter.HEADER, incomingTraceId);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> seenWhileHandling.set(MDC.get(EventMetadata.TRACE_ID)));
        assertThat(MDC.get(EventMetadata.TRACE_ID)).isNull();
        return response;
    }
}
