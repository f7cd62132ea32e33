package io.s3multi.s3.request;

import io.s3multi.s3.http.RequestHead;
import java.util.Objects;
import java.util.Optional;

/**
 * An S3 request as parsed once, at the start of the pipeline: which bucket and key it names, its decoded query
 * parameters, how it addressed the bucket, and the untouched {@link RequestHead} it came from.
 *
 * <p>{@code bucket} is null for service requests ({@code GET /}); {@code key} is null for service and bucket
 * requests. A key is exactly what the client encoded: decoded from the raw path, so {@code %2F} is {@code /},
 * {@code +} is {@code +}, and {@code //}, {@code ..} and a trailing {@code /} are kept. Both were validated by
 * {@link S3RequestParser} (bucket naming rules, key length).
 *
 * @param head       the request as received; raw path, raw query and headers for signature checks
 * @param addressing path-style or virtual-host style
 * @param bucket     the bucket, or null for a service request
 * @param key        the object key, or null when the request names no object
 * @param query      the decoded query parameters
 */
public record S3Request(RequestHead head, AddressingStyle addressing, String bucket, String key,
        QueryParameters query) {

    public S3Request {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(addressing, "addressing");
        Objects.requireNonNull(query, "query");
        if (key != null && bucket == null) {
            throw new IllegalArgumentException("a key needs a bucket");
        }
    }

    /** The HTTP method, upper case. */
    public String method() {
        return head.method();
    }

    /** {@code GET /} and friends: no bucket. */
    public boolean isServiceRequest() {
        return bucket == null;
    }

    public boolean hasKey() {
        return key != null;
    }

    /** Whether a query parameter (or sub-resource such as {@code uploads}) was sent. */
    public boolean hasParam(String name) {
        return query.has(name);
    }

    /** The first value of a query parameter. */
    public Optional<String> param(String name) {
        return query.first(name);
    }

    /** The first value of a header (names are matched without regard to case), or null. */
    public String header(String name) {
        return head.header(name);
    }
}
