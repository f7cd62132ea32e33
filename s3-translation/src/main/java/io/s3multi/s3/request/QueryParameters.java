package io.s3multi.s3.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decoded query parameters of a request, in the order they arrived, each name with all its values.
 *
 * <p>Names are case-sensitive, as S3's are ({@code uploadId}, {@code partNumber}, {@code versionId}). A
 * parameter sent without {@code =} (a sub-resource such as {@code ?uploads} or {@code ?acl}) is present with the
 * value {@code ""}. Names and values are percent-decoded with {@code +} read as a space; the raw query stays
 * available in {@link io.s3multi.s3.http.RequestHead#rawQuery()} for signature checks.
 */
public final class QueryParameters {

    private static final QueryParameters NONE = new QueryParameters(Map.of());

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a raw query string (without {@code ?}); empty pieces such as those of {@code a&&b} are skipped.
     *
     * @throws io.s3multi.s3.error.S3Exception {@code InvalidURI} for a bad escape or bytes that are not UTF-8
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        var parsed = new LinkedHashMap<String, List<String>>();
        for (String piece : rawQuery.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int equals = piece.indexOf('=');
            String name = PercentDecoder.decodeQuery(equals < 0 ? piece : piece.substring(0, equals));
            String value = equals < 0 ? "" : PercentDecoder.decodeQuery(piece.substring(equals + 1));
            parsed.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parsed.replaceAll((name, list) -> List.copyOf(list));
        return new QueryParameters(Collections.unmodifiableMap(parsed));
    }

    /** Whether the parameter was sent, with or without a value. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The first value of the parameter, if it was sent. */
    public Optional<String> first(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every value of the parameter in the order received; empty when it was not sent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The parameter names in the order they first appeared. */
    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
