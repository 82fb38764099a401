package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html), generated from the controllers and completed
 * by {@link ApiContract} into a contract a client generator can use.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the JSON carries decimals as strings (JsonConfiguration): the document says so
        SpringDocUtils.getConfig().replaceWithSchema(BigDecimal.class,
                new StringSchema().format("decimal").example("1.5"));
    }

    @Bean
    OpenAPI positionManagerApi() {
        return new OpenAPI()
                .info(new Info().title("Position Manager API").version("v1")
                        .description("Positions, snapshots, portfolio metrics and history read from the "
                                + "event-sourced read models; validation and snapshots as commands. "
                                + "Errors are RFC 9457 problem+json."))
                .components(new Components().addSecuritySchemes(ApiContract.SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                        .description("One of the configured API keys (README: REST API)")));
    }

    @Bean
    ApiContract apiContract() {
        return new ApiContract();
    }

    /**
     * The API writes null fields out (a flat leg's entry price, an open position's {@code closed_at}): every field
     * whose Java type can hold null says so, an enumeration by listing null too (OpenAPI 3.0.3); primitives never are.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    PropertyCustomizer nullableFields() {
        return (property, type) -> {
            // springdoc also asks about types it found no schema for
            if (property == null || type.getType() == null) {
                return property;
            }
            JavaType javaType = TypeFactory.defaultInstance().constructType(type.getType());
            if (!javaType.isPrimitive() && property.get$ref() == null) {
                property.setNullable(true);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    ((Schema) property).addEnumItemObject(null);
                }
            }
            return property;
        };
    }
}
