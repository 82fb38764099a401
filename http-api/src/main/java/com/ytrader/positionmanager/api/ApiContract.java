package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What holds for many operations, written once instead of on each: every {@code /api} operation asks for the API key
 * and documents the errors any of its requests can meet — 400, 401, 429 and 503 always, 404 where the path names a
 * position ({@code {asset}}), 403 under {@code /api/v1/admin} (the admin role), 413 and 415 where a body is read;
 * every such error is RFC 9457 problem+json with the {@code parameter} extension unless the operation documents
 * another body for it, 429 and 503 with {@code Retry-After}; and an operation's JSON success answer carries the example
 * in {@code openapi/examples/<operationId>.json} on the classpath, where there is one.
 */
class ApiContract implements GlobalOpenApiCustomizer {

    static final String SECURITY_SCHEME = "apiKey";
    static final String PROBLEM_SCHEMA = "Problem";
    static final String EXAMPLES = "openapi/examples/";
    private static final String ADMIN_PATHS = "/api/v1/admin/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Every {@code /api} request can meet these: the parameters, the key filter, the database. */
    private static final Map<String, String> SHARED_ERRORS = sharedErrors();
    /** Answers that tell the caller, in seconds, when to ask again. */
    private static final Set<String> RETRIED = Set.of("429", "503");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.startsWith("/api/")) {
                describeApiOperation(path, operation);
            } else {
                // said outright: these need no key (the health probe)
                operation.setSecurity(List.of());
            }
            addExample(operation);
        }));
    }

    private static void describeApiOperation(String path, Operation operation) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));
        ApiResponses responses = operation.getResponses();
        SHARED_ERRORS.forEach((code, description) -> responses.putIfAbsent(code, error(description)));
        if (path.contains("{asset}")) {
            responses.putIfAbsent("404", error("No such position"));
        }
        if (path.startsWith(ADMIN_PATHS)) {
            responses.putIfAbsent("403", error("The key lacks the admin role"));
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", error("The body is larger than this operation reads"));
            responses.putIfAbsent("415", error("The body's Content-Type is not one this operation reads"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                describeProblem(code, response);
            }
        });
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description);
    }

    /**
     * Without a body of its own, or with a problem+json one, an error is a problem; springdoc may have put the
     * operation's success schema there, which an error never answers.
     */
    private static void describeProblem(String code, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase());
        }
        if (response.getContent() == null || response.getContent().isEmpty()
                || response.getContent().containsKey(PROBLEM_JSON)) {
            response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        }
        if (RETRIED.contains(code)) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, new Header()
                    .description("seconds to wait before asking again").schema(new IntegerSchema()));
        }
    }

    private void addExample(Operation operation) {
        if (operation.getOperationId() == null) {
            return;
        }
        JsonNode example = example(operation.getOperationId());
        if (example == null) {
            return;
        }
        operation.getResponses().entrySet().stream().filter(response -> response.getKey().startsWith("2"))
                .map(response -> response.getValue().getContent()).filter(Objects::nonNull)
                .map(content -> content.get(JSON))
                .filter(Objects::nonNull).findFirst()
                .ifPresent(body -> body.setExample(example));
    }

    private JsonNode example(String operationId) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXAMPLES + operationId + ".json")) {
            return in == null ? null : json.readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("example of " + operationId + " is not JSON", unreadable);
        }
    }

    /** RFC 9457's members as Spring's {@code ProblemDetail} writes them, and the one this API adds. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("about:blank")
                        .description("identifies the kind of problem; about:blank: the status says it all"))
                .addProperty("title", new StringSchema().example("Invalid parameter"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema()
                        .example("invalid value 'sideways' for mode: expected one-way or hedge")
                        .description("what was wrong, under 1,000 characters; a rejected value is abbreviated"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/positions")
                        .description("the path of the request, when short"))
                .addProperty(ProblemResponses.PARAMETER, new StringSchema().example("mode")
                        .description("the parameter, header or body to blame, where one is"))
                .required(List.of("type", "title", "status"));
    }

    private static Map<String, String> sharedErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "A parameter (or the body) is invalid; `parameter` names it");
        errors.put("401", "No valid " + ApiKeyFilter.HEADER + " header");
        errors.put("429", "The key's requests per minute are used up; retry after Retry-After seconds");
        errors.put("503", "A dependency cannot be reached (the database; validating, the exchange); retry after "
                + "Retry-After seconds");
        return errors;
    }
}
