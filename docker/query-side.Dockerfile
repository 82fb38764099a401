# syntax=docker/dockerfile:1
# Query side: read models and the REST API.
# Built from source with the Maven Wrapper; run as a non-root user. Build from the repository root:
#   docker build -f docker/query-side.Dockerfile .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# the cache mount keeps downloaded dependencies between builds without putting them in a layer
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl query-side -am -DskipTests package \
    && cp query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar /app.jar

FROM eclipse-temurin:17-jre
# curl answers the health check; the JRE image does not promise one
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin positionmanager
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV POSITION_MANAGER_PORT=4800 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 4800
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${POSITION_MANAGER_MANAGEMENT_PORT:-${POSITION_MANAGER_PORT}}/actuator/health" > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
