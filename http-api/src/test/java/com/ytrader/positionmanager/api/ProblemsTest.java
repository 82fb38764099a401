package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void a_problem_names_the_request_path_as_its_instance() {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "no position BTCUSDT:one-way",
                new MockHttpServletRequest("GET", "/api/v1/positions/BTCUSDT"));

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("no position BTCUSDT:one-way");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/v1/positions/BTCUSDT"));
    }

    @Test
    void a_huge_detail_and_path_are_cut_so_that_the_problem_stays_small() {
        String path = "/api/v1/positions/" + "A".repeat(RejectedInput.MAX_QUOTED);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "x".repeat(1_000_000),
                new MockHttpServletRequest("GET", path));

        assertThat(problem.getDetail().length()).as("under 1,000 characters, its abbreviation included")
                .isLessThan(Problems.MAX_DETAIL);
        assertThat(problem.getDetail()).endsWith("(1000000 characters)");
        assertThat(problem.getInstance()).as("a path longer than a quoted value is left out").isNull();
    }

    @Test
    void a_path_that_is_no_uri_leaves_the_instance_out() {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad",
                new MockHttpServletRequest("GET", "/api/v1/positions/a b|c"));

        assertThat(problem.getInstance()).isNull();
    }

    @Test
    void a_filter_writes_the_problem_as_problem_json_with_its_status() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ObjectMapper json = new ObjectMapper();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "y".repeat(5000));

        Problems.write(response, json, problem);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode body = json.readTree(response.getContentAsByteArray());
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asText()).endsWith("(5000 characters)");
        assertThat(response.getContentAsByteArray().length).isLessThan(1500);
    }
}
