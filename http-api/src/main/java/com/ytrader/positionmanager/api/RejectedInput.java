package com.ytrader.positionmanager.api;

/**
 * How an error quotes what it rejects: at most {@value #MAX_QUOTED} characters of it and its length, so that a huge
 * input never comes back as a huge answer (a 19 MB asset would otherwise be echoed whole into its 400).
 */
public final class RejectedInput {

    /** Characters of a rejected value quoted in an error; the rest is counted, not echoed. */
    public static final int MAX_QUOTED = 200;

    private RejectedInput() {
    }

    /** The value itself when short, else its first {@value #MAX_QUOTED} characters and {@code … (N characters)}. */
    public static String abbreviate(CharSequence value) {
        return abbreviate(value, MAX_QUOTED);
    }

    /** The text itself when at most {@code max} characters long, else its start and its length. */
    public static String abbreviate(CharSequence value, int max) {
        if (value == null) {
            return "null";
        }
        int length = value.length();
        if (length <= max) {
            return value.toString();
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.subSequence(0, end) + "… (" + length + " characters)";
    }
}
