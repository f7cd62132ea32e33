package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request is S3 at all, and parses it into an {@link S3Request}.
 *
 * <h2>S3 or native Swift?</h2>
 * The gateway serves both APIs on one port. A request whose Host is {@code <bucket>.<storage domain>} is S3.
 * Otherwise the first path segment decides:
 * <ul>
 *   <li>{@code /v1/...} is always Swift (and {@code v1} could never be a bucket: it is too short);</li>
 *   <li>{@code /v1.0/...}, {@code /auth/...}, exactly {@code /info} and exactly {@code /healthcheck} are Swift (its
 *       API, tempauth, capabilities, health check) unless the request carries S3 credentials (an
 *       {@code Authorization} header of signature version 4 or 2, or a presigned query), in which case they are
 *       the buckets of those names;</li>
 *   <li>everything else, {@code /} included, is S3, anonymous or not.</li>
 * </ul>
 *
 * <h2>Bucket and key</h2>
 * Path-style: {@code /bucket/key}, the bucket being the first segment of the raw path and the key everything
 * after the next {@code /}. Virtual-host style (only when storage domains are configured, Swift s3api's
 * {@code storage_domain}): Host {@code photos.s3.example.com} with domain {@code s3.example.com} names bucket
 * {@code photos}, and the whole path after the leading {@code /} is the key. Keys are decoded from the raw path
 * exactly (see {@link PercentDecoder}); a trailing {@code /} keeps {@code /bucket/} a bucket request and
 * {@code /bucket/dir/} the key {@code dir/}.
 *
 * <p>Parsing validates what AWS validates before looking anything up: bucket naming rules
 * ({@code InvalidBucketName}), key length ({@code KeyTooLongError}) and URI encoding ({@code InvalidURI}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class S3RequestParser {

    private static final Set<String> SWIFT_ONLY_SEGMENTS = Set.of("v1");
    private static final Set<String> SWIFT_PREFIX_SEGMENTS = Set.of("v1.0", "auth");
    private static final Set<String> SWIFT_EXACT_PATHS = Set.of("/info", "/healthcheck");
    private static final List<String> PRESIGNED_PARAMETERS =
            List.of("X-Amz-Credential", "X-Amz-Signature", "AWSAccessKeyId", "Signature");

    /** Domains with a leading dot, longest first, so the most specific domain wins. */
    private final List<String> storageDomainSuffixes;

    /** A parser for path-style requests only. */
    public S3RequestParser() {
        this(List.of());
    }

    /**
     * A parser that also accepts virtual-host style requests for the given storage domains
     * (e.g. {@code s3.example.com}; a leading dot is optional).
     */
    public S3RequestParser(Collection<String> storageDomains) {
        this.storageDomainSuffixes = storageDomains.stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith(".") ? domain : "." + domain)
                .filter(suffix -> suffix.length() > 1)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** Whether this request is for the S3 API (true) or the native Swift API (false). */
    public boolean isS3Request(RequestHead head) {
        if (virtualHostBucket(head) != null) {
            return true;
        }
        String path = head.rawPath();
        String segment = firstSegment(path);
        if (SWIFT_ONLY_SEGMENTS.contains(segment)) {
            return false;
        }
        boolean swiftPath = SWIFT_PREFIX_SEGMENTS.contains(segment) || SWIFT_EXACT_PATHS.contains(path);
        return !swiftPath || carriesS3Credentials(head);
    }

    /**
     * Parses an S3 request.
     *
     * @throws S3Exception {@code InvalidURI}, {@code InvalidBucketName} or {@code KeyTooLongError}
     */
    public S3Request parse(RequestHead head) {
        String rawPath = head.rawPath();
        if (!rawPath.startsWith("/")) {
            throw S3Exception.invalidUri(rawPath).withReason("not an absolute path");
        }
        QueryParameters query = QueryParameters.parse(head.rawQuery());
        String hostBucket = virtualHostBucket(head);
        if (hostBucket != null) {
            return new S3Request(head, AddressingStyle.VIRTUAL_HOST, BucketNames.requireValid(hostBucket),
                    keyOrNull(rawPath.substring(1)), query);
        }
        if (rawPath.equals("/")) {
            return new S3Request(head, AddressingStyle.PATH, null, null, query);
        }
        int slash = rawPath.indexOf('/', 1);
        String rawBucket = slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
        if (rawBucket.isEmpty()) {
            throw S3Exception.invalidUri(rawPath).withReason("empty bucket segment");
        }
        String bucket = BucketNames.requireValid(PercentDecoder.decodePath(rawBucket));
        String key = slash < 0 ? null : keyOrNull(rawPath.substring(slash + 1));
        return new S3Request(head, AddressingStyle.PATH, bucket, key, query);
    }

    private static String keyOrNull(String rawKey) {
        return rawKey.isEmpty() ? null : ObjectKeys.requireValid(PercentDecoder.decodePath(rawKey));
    }

    /** The bucket named by the Host header, or null when the request is not virtual-host style. */
    private String virtualHostBucket(RequestHead head) {
        if (storageDomainSuffixes.isEmpty()) {
            return null;
        }
        String host = hostName(head.header("Host"));
        if (host == null || storageDomainSuffixes.stream().anyMatch(suffix -> host.equals(suffix.substring(1)))) {
            return null;  // a configured domain itself is path-style, even when it is a subdomain of another
        }
        for (String suffix : storageDomainSuffixes) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                return host.substring(0, host.length() - suffix.length());
            }
        }
        return null;
    }

    /** The Host header without port and trailing dot, lower case (DNS names ignore case); null for IP literals. */
    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank() || hostHeader.startsWith("[")) {
            return null;
        }
        String host = hostHeader.strip();
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static String firstSegment(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return "";
        }
        int slash = rawPath.indexOf('/', 1);
        return slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash);
    }

    private static boolean carriesS3Credentials(RequestHead head) {
        String authorization = head.header("Authorization");
        if (authorization != null
                && (authorization.startsWith("AWS4-HMAC-SHA256 ") || authorization.startsWith("AWS "))) {
            return true;
        }
        if (head.rawQuery().isEmpty()) {
            return false;
        }
        QueryParameters query;
        try {
            query = QueryParameters.parse(head.rawQuery());
        } catch (S3Exception undecodable) {
            return false;  // not something any S3 client sent; let the native API answer it
        }
        return PRESIGNED_PARAMETERS.stream().anyMatch(query::has);
    }
}
