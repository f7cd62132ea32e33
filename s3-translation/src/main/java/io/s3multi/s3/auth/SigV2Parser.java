package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Parses SigV2 credentials and builds the SigV2 string to sign (see {@link SigV2Request}). */
final class SigV2Parser {

    /**
     * The query parameters that are part of the canonical resource: the sub-resources S3 (and Swift's s3api, whose
     * clients this gateway inherits) signs, and the response header overrides of GET Object.
     */
    static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "cors", "delete", "lifecycle", "location", "logging", "notification", "object-lock",
            "partNumber", "policy", "requestPayment", "restore", "tagging", "torrent", "uploadId", "uploads",
            "versionId", "versioning", "versions", "website",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "response-content-language", "response-content-type", "response-expires");

    private SigV2Parser() {
    }

    static SigV2Request fromHeader(RequestHead head, QueryParameters query, String authorization,
            String virtualHostBucket) {
        String credentials = authorization.substring("AWS ".length()).trim();
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw S3AuthException.invalidArgument("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature",
                    "Authorization", authorization);
        }
        String amzDate = head.header("x-amz-date");
        Instant requestTime = AwsTimestamps.parseHttpDate(amzDate != null ? amzDate : head.header("Date"));
        if (requestTime == null) {
            throw S3AuthException.accessDenied("AWS authentication requires a valid Date or x-amz-date header");
        }
        // With x-amz-date the Date slot stays empty: the date is signed among the x-amz-* headers instead.
        String dateSlot = amzDate != null ? "" : HeaderValues.strip(head.header("Date"));
        String stringToSign = stringToSign(head, query, dateSlot, virtualHostBucket);
        return new SigV2Request(credentials.substring(0, colon), credentials.substring(colon + 1), stringToSign,
                false, requestTime, null);
    }

    static SigV2Request fromQuery(RequestHead head, QueryParameters query, String virtualHostBucket) {
        String accessKey = query.first("AWSAccessKeyId").orElse("");
        String expires = query.first("Expires").orElse("");
        String signature = rawSignature(query);
        if (accessKey.isEmpty() || expires.isEmpty() || signature.isEmpty()) {
            throw S3AuthException.accessDenied(
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        }
        long expiresEpoch;
        try {
            expiresEpoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw S3AuthException.accessDenied("Invalid date (should be seconds since epoch): " + expires);
        }
        String stringToSign = stringToSign(head, query, expires, virtualHostBucket);
        return new SigV2Request(accessKey, signature, stringToSign, true, null, expiresAt(expiresEpoch));
    }

    /**
     * S3 compares Expires with its clock as an integer of any size. Seconds beyond what an {@link Instant} holds
     * (year one billion) are clamped to its ends, which no clock reaches, instead of failing the request.
     */
    private static Instant expiresAt(long epochSeconds) {
        return Instant.ofEpochSecond(Math.max(Instant.MIN.getEpochSecond(),
                Math.min(Instant.MAX.getEpochSecond(), epochSeconds)));
    }

    /**
     * The Signature parameter, percent-decoded but with {@code +} kept: base64 has no spaces, so a {@code +} that
     * a client forgot to encode can only be a {@code +}.
     */
    private static String rawSignature(QueryParameters query) {
        for (QueryParameters.Parameter parameter : query.all()) {
            if (parameter.name().equals("Signature") && parameter.rawValue() != null) {
                return new String(AwsUriEncoding.decode(parameter.rawValue(), false),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    static String stringToSign(RequestHead head, QueryParameters query, String dateSlot, String virtualHostBucket) {
        StringBuilder out = new StringBuilder(256);
        out.append(head.method()).append('\n');
        out.append(HeaderValues.strip(head.header("Content-MD5"))).append('\n');
        out.append(HeaderValues.strip(head.header("Content-Type"))).append('\n');
        out.append(dateSlot).append('\n');
        Map<String, List<String>> amzHeaders = new TreeMap<>();
        head.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-")) {
                amzHeaders.put(name, values);
            }
        });
        amzHeaders.forEach((name, values) -> {
            List<String> stripped = new ArrayList<>(values.size());
            values.forEach(value -> stripped.add(HeaderValues.strip(value)));
            out.append(name).append(':').append(String.join(",", stripped)).append('\n');
        });
        if (virtualHostBucket != null) {
            out.append('/').append(virtualHostBucket);
        }
        out.append(head.rawPath().isEmpty() ? "/" : head.rawPath());
        out.append(subResources(query));
        return out.toString();
    }

    /** {@code ?acl&versionId=3}: the signed parameters, sorted by name, with decoded values. */
    private static String subResources(QueryParameters query) {
        TreeMap<String, String> selected = new TreeMap<>();
        for (QueryParameters.Parameter parameter : query.all()) {
            String name = parameter.name();
            if (SUB_RESOURCES.contains(name) && !selected.containsKey(name)) {
                selected.put(name, parameter.rawValue() == null ? null : parameter.value());
            }
        }
        StringBuilder out = new StringBuilder();
        selected.forEach((name, value) -> {
            out.append(out.length() == 0 ? '?' : '&').append(name);
            if (value != null && !value.isEmpty()) {
                out.append('=').append(value);
            }
        });
        return out.toString();
    }
}
