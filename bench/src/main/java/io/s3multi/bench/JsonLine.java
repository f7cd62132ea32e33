package io.s3multi.bench;

import java.util.Locale;

/** One flat JSON object on one line, built field by field (strings, numbers; NaN becomes null). */
final class JsonLine {

    private final StringBuilder text = new StringBuilder("{");

    JsonLine add(String name, String value) {
        field(name);
        quote(value);
        return this;
    }

    JsonLine add(String name, double value) {
        field(name);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            text.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(String.format(Locale.ROOT, "%.4f", value));
        }
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }

    private void field(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        quote(name);
        text.append(':');
    }

    private void quote(String value) {
        text.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
