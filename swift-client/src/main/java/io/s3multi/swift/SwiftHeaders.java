package io.s3multi.swift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An immutable list of HTTP header fields, looked up without regard to case, in the order they were added.
 *
 * <p>Used both ways: for the headers a caller wants sent to Swift ({@code ETag}, {@code Content-Type},
 * {@code X-Object-Meta-*}, {@code Range}, {@code If-None-Match}, ...) and for the headers Swift answered
 * with. Names keep the spelling they were given; values are passed through untouched, so the caller
 * decides about quoting and encoding (Swift stores {@code X-Object-Meta-*} values as sent).
 */
public final class SwiftHeaders {

    private static final SwiftHeaders EMPTY = new SwiftHeaders(List.of());
    private static final SwiftHeaders NEWEST = of("X-Newest", "true");

    private final List<Map.Entry<String, String>> fields;

    private SwiftHeaders(List<Map.Entry<String, String>> fields) {
        this.fields = fields;
    }

    /** No headers. */
    public static SwiftHeaders empty() {
        return EMPTY;
    }

    /**
     * {@code X-Newest: true}: Swift's proxy asks every replica and answers with the newest copy, instead of the first
     * that answers, which may have missed an overwrite, a POST or a DELETE (a node that was down then). Costs a
     * request to every replica inside Swift: for looks that decide between concurrent writers, not for plain reads.
     */
    public static SwiftHeaders newest() {
        return NEWEST;
    }

    /**
     * Headers from alternating names and values: {@code of("Content-Type", "text/plain", "X-Object-Meta-A", "1")}.
     */
    public static SwiftHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** A builder that starts empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with these headers. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.addAll(fields);
        return builder;
    }

    /** The first value of a header, or {@code null} when it is absent. */
    public String get(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /** Every value of a header, in order; empty when it is absent. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    /** Whether the header is present, whatever its value. */
    public boolean contains(String name) {
        return get(name) != null;
    }

    /** The distinct header names in first-seen order and spelling. */
    public Set<String> names() {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields) {
            byLower.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getKey());
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(byLower.values()));
    }

    /** Every field, in order, as (name, value) pairs. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** The value of {@code Content-Length} as a number, or -1 when absent or not a number. */
    public long contentLength() {
        String value = get("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** These headers with {@code name} set to {@code value}, replacing any earlier value. */
    public SwiftHeaders with(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /** These headers without {@code name}. */
    public SwiftHeaders without(String name) {
        return toBuilder().remove(name).build();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SwiftHeaders headers && fields.equals(headers.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The fields, with the values of auth headers hidden: safe for logs. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields) {
            if (text.length() > 1) {
                text.append(", ");
            }
            String lower = field.getKey().toLowerCase(Locale.ROOT);
            boolean secret = lower.equals("x-auth-token") || lower.equals("x-storage-token")
                    || lower.equals("x-auth-key") || lower.equals("x-storage-pass") || lower.equals("authorization");
            text.append(field.getKey()).append('=').append(secret ? "<hidden>" : field.getValue());
        }
        return text.append('}').toString();
    }

    /** Collects header fields; {@link #build()} freezes them. */
    public static final class Builder {

        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        private Builder() {
        }

        /** Adds a field, keeping any earlier field of the same name. */
        public Builder add(String name, String value) {
            fields.add(Map.entry(checkName(name), checkValue(name, value)));
            return this;
        }

        /** Sets a field, dropping any earlier field of the same name. */
        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        /** Adds every field of {@code headers}. */
        public Builder addAll(SwiftHeaders headers) {
            fields.addAll(headers.fields);
            return this;
        }

        /** Drops every field called {@code name}. */
        public Builder remove(String name) {
            fields.removeIf(field -> field.getKey().equalsIgnoreCase(name));
            return this;
        }

        public SwiftHeaders build() {
            return fields.isEmpty() ? EMPTY : new SwiftHeaders(List.copyOf(fields));
        }

        private static String checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("header name must not be empty");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || c == ':') {
                    throw new IllegalArgumentException("not a header name: " + name);
                }
            }
            return name;
        }

        // A line break in a value would let one header smuggle in others (or a second request). The null check
        // builds its message only when it fails: every field of every request and answer passes through here.
        private static String checkValue(String name, String value) {
            if (value == null) {
                throw new NullPointerException("value of " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " has a line break in its value");
            }
            return value;
        }
    }
}
