package com.ytrader.positionmanager.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON of the REST API and the integration events: decimals as strings (the README's shapes, and no consumer
 * parses money into a binary float). Only Spring's object mapper gets this module; the event store has its own.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    Module decimalsAsStrings() {
        return new SimpleModule("decimals-as-strings").addSerializer(BigDecimal.class, new DecimalAsString());
    }

    /** {@code 1.500000000000000000} (NUMERIC(38,18) as read) is written {@code "1.5"}; never in exponent form. */
    static final class DecimalAsString extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider serializers)
                throws IOException {
            generator.writeString(value.stripTrailingZeros().toPlainString());
        }
    }
}
