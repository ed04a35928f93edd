package io.baseplane.cli.text;

/** Small text helpers for one-line output. */
public final class Text {

    private Text() {
    }

    /** Line breaks and the space around them become one space: an error or a table cell stays on its line. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    public static String shorten(String text, int max) {
        String line = oneLine(text);
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    public static String orDash(Object value) {
        return value == null ? "-" : oneLine(value.toString());
    }
}
