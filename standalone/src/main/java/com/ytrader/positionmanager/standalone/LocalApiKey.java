package com.ytrader.positionmanager.standalone;

import org.springframework.core.env.Environment;

/**
 * The first API key and whether it is the standalone app's documented local default
 * ({@code position-manager.standalone.local-api-key}), which is safe to print and to put in the dashboard link.
 */
record LocalApiKey(String value, boolean isLocalDefault) {

    static final String CONFIGURED = "position-manager.api.keys[0].key";
    static final String LOCAL_DEFAULT = "position-manager.standalone.local-api-key";

    static LocalApiKey of(Environment environment) {
        String configured = environment.getProperty(CONFIGURED, "");
        return new LocalApiKey(configured, configured.equals(environment.getProperty(LOCAL_DEFAULT)));
    }
}
