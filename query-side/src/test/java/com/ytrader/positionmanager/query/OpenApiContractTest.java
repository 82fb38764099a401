package com.ytrader.positionmanager.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ytrader.positionmanager.query.support.QuerySideTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live {@code /v3/api-docs} of both sides (the query side's and the command side's controllers in one
 * application, as the standalone app serves them), read by swagger-parser: a document a client generator can use.
 */
class OpenApiContractTest extends QuerySideTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> SUCCESS_MEDIA_TYPES = Set.of("application/json", "application/x-ndjson",
            "text/csv");

    @Autowired
    private ObjectMapper json;

    private OpenAPI document;

    private record Op(String path, String method, Operation operation) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void readLiveDocument() throws IOException {
        JsonNode served = get("/v3/api-docs", null).body();
        // kept for a reader of a failed run, and for a client generator tried by hand
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-docs.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(served));
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.toString(), null, options);
        assertThat(result.getMessages()).as("parse and validation messages").isEmpty();
        document = result.getOpenAPI();
        assertThat(document).isNotNull();
    }

    @Test
    void the_document_parses_without_a_single_validation_message() {
        assertThat(document.getOpenapi()).startsWith("3.");
        assertThat(operations()).isNotEmpty();
    }

    @Test
    void every_operation_has_a_summary_and_a_stable_distinct_operation_id() {
        List<String> ids = new ArrayList<>();
        for (Op op : operations()) {
            assertThat(op.operation().getSummary()).as("summary of %s", op).isNotBlank();
            assertThat(op.operation().getOperationId()).as("operationId of %s", op).matches("[a-z][A-Za-z]+");
            ids.add(op.operation().getOperationId());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).containsExactlyElementsOf(new TreeSet<>(List.of(
                "listPositions", "getPosition", "listPositionSnapshots", "getPositionAsOf", "getPositionHistory",
                "verifyPositionHistory", "getPositionStates", "getPortfolio", "getPortfolioExposure",
                "getPortfolioPnl", "startReplay", "getReplayProgress", "listDeadLetters", "retryDeadLetters",
                "evictDeadLetters", "getHealth", "validatePosition", "takePositionSnapshot", "listAgedPositions",
                "getAgedPosition")));
    }

    @Test
    void no_body_is_described_as_any_media_type() {
        for (Op op : operations()) {
            if (op.operation().getRequestBody() != null) {
                assertThat(op.operation().getRequestBody().getContent()).as("request body of %s", op)
                        .doesNotContainKey("*/*");
            }
            op.operation().getResponses().forEach((status, response) -> assertThat(content(response).keySet())
                    .as("%s answering %s", op, status).doesNotContain("*/*"));
        }
    }

    @Test
    void every_success_is_json_or_the_training_batchs_ndjson_or_csv() {
        for (Op op : operations()) {
            op.operation().getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    assertThat(content(response)).as("%s answering %s", op, status).isNotEmpty();
                    assertThat(SUCCESS_MEDIA_TYPES).as("%s answering %s", op, status)
                            .containsAll(content(response).keySet());
                }
            });
        }
        assertThat(content(find("getPositionStates").getResponses().get("200")).keySet())
                .containsExactlyInAnyOrder("application/x-ndjson", "text/csv");
        assertThat(find("getPositionStates").getRequestBody().getContent().keySet())
                .containsExactlyInAnyOrder("application/json", "text/csv");
    }

    @Test
    void every_api_error_is_problem_json_with_the_rfc_9457_schema_and_its_parameter_extension() {
        Schema<?> problem = document.getComponents().getSchemas().get("Problem");
        assertThat(problem).isNotNull();
        assertThat(problem.getProperties()).containsOnlyKeys("type", "title", "status", "detail", "instance",
                "parameter");
        assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status");
        for (Op op : apiOperations()) {
            op.operation().getResponses().forEach((status, response) -> {
                boolean replayRunning = "startReplay".equals(op.operation().getOperationId()) && "409".equals(status);
                if ((status.startsWith("4") || status.startsWith("5")) && !replayRunning) {
                    assertThat(content(response).keySet()).as("%s answering %s", op, status)
                            .containsExactly(PROBLEM);
                    assertThat(content(response).get(PROBLEM).getSchema().get$ref())
                            .as("%s answering %s", op, status).isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getDescription()).as("%s answering %s", op, status).isNotBlank();
                }
            });
        }
    }

    @Test
    void the_answers_that_are_no_problem_say_what_they_are() {
        MediaType running = content(find("startReplay").getResponses().get("409")).get("application/json");
        assertThat(running.getSchema().get$ref()).isEqualTo("#/components/schemas/ReplayProgress");
        MediaType unhealthy = content(find("getHealth").getResponses().get("503")).get("application/json");
        assertThat(unhealthy.getSchema().get$ref()).isEqualTo("#/components/schemas/HealthResponse");
    }

    @Test
    void every_api_operation_documents_the_errors_any_request_can_meet_and_when_to_retry() {
        for (Op op : apiOperations()) {
            Map<String, ApiResponse> responses = op.operation().getResponses();
            assertThat(responses).as("%s", op).containsKeys("400", "401", "429", "503");
            for (String retried : List.of("429", "503")) {
                Map<String, Header> headers = responses.get(retried).getHeaders();
                assertThat(headers).as("%s answering %s", op, retried).containsKey("Retry-After");
                assertThat(headers.get("Retry-After").getSchema().getType()).isEqualTo("integer");
            }
            if (op.path().contains("{asset}")) {
                assertThat(responses).as("%s names a position that may not exist", op).containsKey("404");
            }
        }
        assertThat(find("getPositionStates").getResponses()).containsKeys("413", "415");
        assertThat(find("validatePosition").getResponses()).containsKeys("404", "502", "503");
        assertThat(find("startReplay").getResponses()).containsKeys("202", "403", "409");
        assertThat(find("getHealth").getResponses()).containsKeys("200", "503")
                .doesNotContainKeys("401", "429");
    }

    @Test
    void the_api_key_is_asked_on_every_api_operation_and_on_nothing_else() {
        SecurityScheme scheme = document.getComponents().getSecuritySchemes().get("apiKey");
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(scheme.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(scheme.getName()).isEqualTo("X-API-Key");
        assertThat(document.getSecurity()).as("no requirement for the whole document").isNullOrEmpty();
        for (Op op : operations()) {
            List<SecurityRequirement> security = op.operation().getSecurity();
            if (op.path().startsWith("/api/")) {
                assertThat(security).as("%s", op).hasSize(1);
                assertThat(security.get(0)).as("%s", op).containsOnlyKeys("apiKey");
            } else {
                assertThat(security).as("%s needs no key", op).isNullOrEmpty();
            }
        }
        assertThat(operations()).extracting(Op::path).contains("/health");
    }

    @Test
    void the_position_portfolio_and_aged_answers_show_an_example_with_only_fields_they_have() throws IOException {
        for (String id : List.of("listPositions", "getPosition", "getPortfolio", "getPortfolioExposure",
                "getPortfolioPnl", "validatePosition", "listAgedPositions", "getAgedPosition")) {
            MediaType body = content(find(id).getResponses().get("200")).get("application/json");
            assertThat(body).as(id).isNotNull();
            assertThat(body.getExample()).as("example of %s", id).isNotNull();
            assertFieldsExist(id, json.valueToTree(body.getExample()), body.getSchema());
        }
        JsonNode position = json.valueToTree(content(find("getPosition").getResponses().get("200"))
                .get("application/json").getExample());
        assertThat(position.get("asset").asText()).isEqualTo("BTCUSDT");
        assertThat(position.get("size").asText()).isEqualTo("1.5");
        JsonNode portfolio = json.valueToTree(content(find("getPortfolio").getResponses().get("200"))
                .get("application/json").getExample());
        assertThat(portfolio.get("total_exposure_usdt").asText()).isEqualTo("10000.00");
        assertThat(portfolio.get("by_asset").has("ETHUSDT")).isTrue();
        JsonNode aged = json.valueToTree(content(find("getAgedPosition").getResponses().get("200"))
                .get("application/json").getExample());
        assertThat(aged.get("status").asText()).isEqualTo("progressive_active");
        assertThat(aged.get("history").size()).isPositive();
    }

    /** Every field an example shows is one the schema describes, nested objects and list items too. */
    private void assertFieldsExist(String where, JsonNode example, Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        if (example.isArray() && resolved.getItems() != null) {
            example.forEach(item -> assertFieldsExist(where + "[]", item, resolved.getItems()));
            return;
        }
        if (!example.isObject() || resolved.getProperties() == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = example.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(resolved.getProperties()).as("%s: schema %s", where, schema.get$ref())
                    .containsKey(field.getKey());
            assertFieldsExist(where + "." + field.getKey(), field.getValue(),
                    resolved.getProperties().get(field.getKey()));
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        if (schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring("#/components/schemas/".length());
        return document.getComponents().getSchemas().get(name);
    }

    private Operation find(String operationId) {
        return operations().stream().map(Op::operation).filter(op -> operationId.equals(op.getOperationId()))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + operationId));
    }

    private List<Op> apiOperations() {
        return operations().stream().filter(op -> op.path().startsWith("/api/")).toList();
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(new Op(path, method.name(), operation))));
        return operations;
    }

    private static Map<String, MediaType> content(ApiResponse response) {
        Content content = response.getContent();
        return content == null ? new LinkedHashMap<>() : content;
    }
}
