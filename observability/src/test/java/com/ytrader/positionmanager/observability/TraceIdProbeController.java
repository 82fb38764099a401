package com.ytrader.positionmanager.observability;

import com.ytrader.positionmanager.events.EventMetadata;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers with the trace id the logging context holds while the request is handled. */
@RestController
class TraceIdProbeController {

    static final String PATH = "/probe/trace-id";

    @GetMapping(PATH)
    String traceIdWhileHandling() {
        return String.valueOf(MDC.get(EventMetadata.TRACE_ID));
    }
}
