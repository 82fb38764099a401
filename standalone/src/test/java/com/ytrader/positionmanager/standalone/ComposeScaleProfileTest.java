package com.ytrader.positionmanager.standalone;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml's profile {@code scale} as Compose reads it (anchors and merge keys resolved), since Compose
 * itself cannot run where the tests do: two instances of each side behind the gateway and scraped by Prometheus,
 * configured alike, with the partitioned ingest that several command-side instances need.
 */
class ComposeScaleProfileTest {

    private static final Path REPOSITORY = Path.of("..");

    @Test
    void the_scale_profile_adds_a_second_instance_of_each_side_configured_as_the_first_and_reached_by_its_name() {
        Map<String, Object> services = map(compose().get("services"));
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> first = map(services.get(side));
            Map<String, Object> second = map(services.get(side + "-2"));
            assertThat(first).as(side).doesNotContainKey("profiles");
            assertThat(second.get("profiles")).as(side + "-2").isEqualTo(List.of("scale"));
            assertThat(second.get("image")).isEqualTo(first.get("image"));
            assertThat(second.get("environment")).isEqualTo(first.get("environment"));
            assertThat(second.get("depends_on")).isEqualTo(first.get("depends_on"));
            assertThat(map(map(map(second.get("networks")).get("default"))).get("aliases"))
                    .as("%s-2 answers to %s, the gateway's upstream", side, side).isEqualTo(List.of(side));
        }
    }

    @Test
    void every_command_side_instance_routes_the_inbound_queues_to_partitions() {
        Map<String, Object> services = map(compose().get("services"));
        for (String instance : List.of("command-side", "command-side-2")) {
            String partitions = String.valueOf(map(map(services.get(instance)).get("environment"))
                    .get("POSITION_MANAGER_INGEST_PARTITIONS"));
            Matcher fallback = Pattern.compile("^\\$\\{POSITION_MANAGER_INGEST_PARTITIONS:-(\\d+)}$").matcher(partitions);
            assertThat(fallback.matches()).as("%s: %s", instance, partitions).isTrue();
            assertThat(Integer.parseInt(fallback.group(1))).as("default partitions of %s", instance)
                    .isGreaterThan(1);
        }
    }

    @Test
    void the_gateway_re_resolves_each_side_so_that_both_instances_receive_requests() throws IOException {
        String nginx = Files.readString(REPOSITORY.resolve("docker/nginx/nginx.conf"));
        assertThat(nginx).containsPattern("resolver 127\\.0\\.0\\.11 valid=\\d+s")
                .contains("server command-side:4801 resolve;", "server query-side:4800 resolve;")
                .contains("zone command_side ", "zone query_side ");
        Map<String, Object> gateway = map(map(compose().get("services")).get("gateway"));
        Matcher version = Pattern.compile(":(\\d+)\\.(\\d+)\\.(\\d+)-").matcher(String.valueOf(gateway.get("image")));
        assertThat(version.find()).as("a pinned nginx version: %s", gateway.get("image")).isTrue();
        int[] found = {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                Integer.parseInt(version.group(3))};
        assertThat(found[0] * 1_000_000 + found[1] * 1_000 + found[2]).as("nginx 1.27.3 or later reads 'resolve'")
                .isGreaterThanOrEqualTo(1_027_003);
    }

    @Test
    void prometheus_scrapes_every_address_of_each_side() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(
                Files.readString(REPOSITORY.resolve("docker/prometheus/prometheus.yml")));
        List<?> jobs = (List<?>) prometheus.get("scrape_configs");
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> job = jobs.stream().map(ComposeScaleProfileTest::map)
                    .filter(each -> side.equals(each.get("job_name"))).findFirst().orElseThrow();
            assertThat(job).as(side).doesNotContainKey("static_configs");
            Map<String, Object> discovery = map(((List<?>) job.get("dns_sd_configs")).get(0));
            assertThat(discovery).containsEntry("names", List.of(side)).containsEntry("type", "A")
                    .containsEntry("port", 9464);
        }
    }

    private static Map<String, Object> compose() {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
