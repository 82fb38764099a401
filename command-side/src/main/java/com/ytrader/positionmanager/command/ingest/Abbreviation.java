package com.ytrader.positionmanager.command.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what a rejection quotes small: a rejected value can be as large as the message, and a reason that quotes
 * it in full fills logs and makes a dead letter too big for the broker. A long value keeps its first
 * {@value #KEPT_CHARACTERS} characters and says how long it was.
 */
final class Abbreviation {

    static final int KEPT_CHARACTERS = 200;
    /**
     * Texts up to this much longer are kept whole: no shorter for being cut, and an abbreviation (whose suffix fits
     * here) stays as it is when a reason quoting it is abbreviated again.
     */
    private static final int SLACK = 32;
    /** A whole reason, whatever it quotes and however: room for several abbreviated values. */
    static final int MAX_REASON_CHARACTERS = 1_000;

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private Abbreviation() {
    }

    /** {@code text} itself when short, else its beginning and its length: {@code abc… (60000 characters)}. */
    static String of(String text) {
        if (text.length() <= KEPT_CHARACTERS + SLACK) {
            return text;
        }
        return text.substring(0, KEPT_CHARACTERS) + "… (" + text.length() + " characters)";
    }

    /** A reason with every {@code '...'}-quoted value abbreviated, and at most {@value #MAX_REASON_CHARACTERS} long. */
    static String reason(String reason) {
        Matcher quoted = QUOTED.matcher(reason);
        StringBuilder abbreviated = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(abbreviated, Matcher.quoteReplacement("'" + of(quoted.group(1)) + "'"));
        }
        quoted.appendTail(abbreviated);
        if (abbreviated.length() <= MAX_REASON_CHARACTERS + SLACK) {
            return abbreviated.toString();
        }
        return abbreviated.substring(0, MAX_REASON_CHARACTERS) + "… (" + abbreviated.length() + " characters)";
    }
}
