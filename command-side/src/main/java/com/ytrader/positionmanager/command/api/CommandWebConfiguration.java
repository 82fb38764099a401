package com.ytrader.positionmanager.command.api;

import com.ytrader.positionmanager.events.PositionMode;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {

    /** {@code mode=one-way|hedge}; anything else fails conversion and is answered 400. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, PositionMode.class, PositionMode::fromWireName);
    }
}
