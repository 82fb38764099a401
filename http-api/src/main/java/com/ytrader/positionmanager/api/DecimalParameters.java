package com.ytrader.positionmanager.api;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

/**
 * Every {@code BigDecimal} request parameter of every controller goes through {@link Parameters#decimal}. A
 * property editor, not a converter: when a converter refuses a value, Spring's data binder falls back on its default
 * number editor, which would accept {@code 1e999999999} after all.
 */
@ControllerAdvice
class DecimalParameters {

    @InitBinder
    void boundedDecimals(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Parameters.decimal(text));
            }
        });
    }
}
