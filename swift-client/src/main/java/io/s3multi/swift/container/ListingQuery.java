package io.s3multi.swift.container;

import io.s3multi.swift.http.SwiftRequest;

/**
 * The parameters of a Swift listing (of a container's objects, or of an account's containers).
 *
 * <p>Every part is optional ({@code null}, or {@code false} for {@code reverse}). Swift orders names by
 * their UTF-8 bytes; {@code marker} and {@code endMarker} are exclusive bounds; with a {@code delimiter},
 * names that share a prefix up to the delimiter are rolled into one {@code subdir} entry. With
 * {@code reverse}, the order is descending and {@code marker} is the upper bound.
 *
 * <p>For a single page, {@code limit} is how many entries Swift returns at most. When paging through
 * everything it is the page size.
 *
 * @param prefix    only names that start with this
 * @param delimiter roll names up to this character into {@code subdir} entries
 * @param marker    only names after this (before it, with {@code reverse})
 * @param endMarker only names before this (after it, with {@code reverse})
 * @param limit     at most this many entries per page; {@code null} for Swift's maximum
 * @param reverse   descending order
 */
public record ListingQuery(String prefix, String delimiter, String marker, String endMarker, Integer limit,
                           boolean reverse) {

    private static final ListingQuery ALL = new ListingQuery(null, null, null, null, null, false);

    public ListingQuery {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** Everything, in ascending order, in pages of Swift's maximum size. */
    public static ListingQuery all() {
        return ALL;
    }

    public ListingQuery withPrefix(String value) {
        return new ListingQuery(value, delimiter, marker, endMarker, limit, reverse);
    }

    public ListingQuery withDelimiter(String value) {
        return new ListingQuery(prefix, value, marker, endMarker, limit, reverse);
    }

    public ListingQuery withMarker(String value) {
        return new ListingQuery(prefix, delimiter, value, endMarker, limit, reverse);
    }

    public ListingQuery withEndMarker(String value) {
        return new ListingQuery(prefix, delimiter, marker, value, limit, reverse);
    }

    public ListingQuery withLimit(Integer value) {
        return new ListingQuery(prefix, delimiter, marker, endMarker, value, reverse);
    }

    public ListingQuery withReverse(boolean value) {
        return new ListingQuery(prefix, delimiter, marker, endMarker, limit, value);
    }

    /** Adds {@code format=json} and every parameter that is set to a request, encoded. */
    void addTo(SwiftRequest.Builder request) {
        request.param("format", "json")
                .paramIfPresent("prefix", prefix)
                .paramIfPresent("delimiter", delimiter)
                .paramIfPresent("marker", marker)
                .paramIfPresent("end_marker", endMarker)
                .paramIfPresent("limit", limit == null ? null : limit.toString());
        if (reverse) {
            request.param("reverse", "true");
        }
    }
}
