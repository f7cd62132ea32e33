package io.s3multi.s3.http;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The head of an incoming HTTP request as the S3 layer sees it: no servlet API, no body.
 *
 * <p>{@code rawPath} and {@code rawQuery} are exactly as they arrived on the wire (still percent-encoded),
 * because signatures are computed over the client's own encoding and S3 keys may contain {@code %2F},
 * {@code //} or {@code ..} that any normalising decoder would destroy. Header names are matched without
 * regard to case; each name keeps every value it was sent with, in order.
 *
 * @param method   the HTTP method, upper case
 * @param rawPath  the request path, undecoded, starting with {@code /}
 * @param rawQuery the query string without {@code ?}, undecoded; empty when there is none
 * @param headers  header values by name
 */
public record RequestHead(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        if (!(Objects.requireNonNull(headers, "headers") instanceof LowerCaseHeaders)) {
            var byLowerName = new TreeMap<String, List<String>>();
            headers.forEach((name, values) ->
                    byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                            .addAll(values));
            byLowerName.replaceAll((name, values) -> List.copyOf(values));
            headers = new LowerCaseHeaders(byLowerName);
        }
    }

    /** The first value of a header, or {@code null} when it was not sent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header, in the order received; empty when it was not sent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** This head without the headers whose (lower-case) name {@code drop} accepts. */
    public RequestHead without(Predicate<String> drop) {
        var kept = new TreeMap<>(headers);
        kept.keySet().removeIf(drop);
        return new RequestHead(method, rawPath, rawQuery, kept);
    }

    /**
     * A head's headers collected value by value as they arrive, each name lower-cased once: a request's head is
     * built from them without the copy the constructor makes of any other map (per small request, the servlet's
     * headers were copied twice into maps of lists; docs/BENCHMARKS.md, "The server side of a small request").
     * Used once: {@link #head} hands the collected map to the head.
     */
    public static final class Headers {

        private TreeMap<String, List<String>> byLowerName = new TreeMap<>();

        /** Adds one value of header {@code name} (any case), after those of that name added before. */
        public Headers add(String name, String value) {
            byLowerName.merge(name.toLowerCase(Locale.ROOT), List.of(value), Headers::concat);
            return this;
        }

        /** The head with these headers; this collection cannot be added to afterwards. */
        public RequestHead head(String method, String rawPath, String rawQuery) {
            var headers = new LowerCaseHeaders(byLowerName);
            byLowerName = null;
            return new RequestHead(method, rawPath, rawQuery, headers);
        }

        private static List<String> concat(List<String> earlier, List<String> more) {
            var all = new ArrayList<>(earlier);
            all.addAll(more);
            return List.copyOf(all);
        }
    }

    /** Header values by lower-case name, sorted, unmodifiable; only a head's own constructor and builder make one. */
    private static final class LowerCaseHeaders extends AbstractMap<String, List<String>> {

        private final Map<String, List<String>> byLowerName;

        private LowerCaseHeaders(TreeMap<String, List<String>> byLowerName) {
            this.byLowerName = Collections.unmodifiableMap(byLowerName);
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return byLowerName.entrySet();
        }

        @Override
        public List<String> get(Object name) {
            return byLowerName.get(name);
        }

        @Override
        public List<String> getOrDefault(Object name, List<String> otherwise) {
            return byLowerName.getOrDefault(name, otherwise);
        }

        @Override
        public boolean containsKey(Object name) {
            return byLowerName.containsKey(name);
        }

        @Override
        public int size() {
            return byLowerName.size();
        }
    }
}
