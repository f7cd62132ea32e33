package io.s3multi.s3.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
        var byLowerName = new TreeMap<String, List<String>>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                byLowerName.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                        .addAll(values));
        byLowerName.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(byLowerName);
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
}
