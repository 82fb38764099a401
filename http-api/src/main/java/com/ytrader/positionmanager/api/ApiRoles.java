package com.ytrader.positionmanager.api;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/** What the request's API key may do beyond reading ({@code position-manager.api.keys[n].roles}). */
public final class ApiRoles {

    /** The request attribute where the API key filter leaves the roles of the key it accepted. */
    static final String ATTRIBUTE = ApiRoles.class.getName() + ".roles";

    private ApiRoles() {
    }

    /** Answered 403 unless the request's key has {@code role}. */
    public static void require(HttpServletRequest request, String role) {
        Object roles = request.getAttribute(ATTRIBUTE);
        if (!(roles instanceof List<?> granted) || !granted.contains(role)) {
            throw new ForbiddenException("this API key lacks the role '" + role + "'");
        }
    }

    /** The key is valid but may not do this: answered 403. */
    public static class ForbiddenException extends RuntimeException {
        public ForbiddenException(String message) {
            super(message);
        }
    }
}
