package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Parses SigV4 credentials from the Authorization header or a presigned URL, and builds the {@link SigV4Request}.
 *
 * <p>Header form: {@code AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/s3/aws4_request,
 * SignedHeaders=host;x-amz-date;..., Signature=<64 hex>}. Query form: {@code X-Amz-Algorithm},
 * {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires} (1..604800 s), {@code X-Amz-SignedHeaders}
 * and {@code X-Amz-Signature}. The access key is everything before the last four {@code /}-separated elements of
 * the credential, so keys such as {@code test:tester} work.
 */
final class SigV4Parser {

    /** One week: the longest validity S3 allows a presigned URL. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    /**
     * Header prefixes whose headers change what the request does and so must be covered by the signature; an
     * unsigned one could otherwise be added by whoever holds a presigned URL or replays a request.
     */
    private static final List<String> MUST_BE_SIGNED = List.of("x-amz-acl", "x-amz-grant", "x-amz-meta-",
            "x-amz-copy-source");

    private SigV4Parser() {
    }

    static SigV4Request fromHeader(RequestHead head, QueryParameters query, String authorization) {
        Map<String, String> fields = authorizationFields(authorization, SigV4Request.ALGORITHM.length());
        String credential = fields.get("Credential");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential == null || signedHeaders == null || signature == null
                || signedHeaders.isEmpty() || signature.isEmpty()) {
            throw S3AuthException.authorizationHeaderMalformed("The authorization header is malformed; it must "
                    + "contain Credential, SignedHeaders and Signature.");
        }
        String amzDate;
        Instant requestTime;
        String amzDateHeader = head.header("x-amz-date");
        if (amzDateHeader != null) {
            amzDate = amzDateHeader.trim();
            requestTime = AwsTimestamps.parseAmzDate(amzDate);
        } else {
            requestTime = AwsTimestamps.parseHttpDate(head.header("Date"));
            amzDate = requestTime == null ? null : AwsTimestamps.formatAmzDate(requestTime);
        }
        if (requestTime == null) {
            throw S3AuthException.accessDenied("AWS authentication requires a valid Date or x-amz-date header");
        }
        Credential parsed = Credential.parse(credential, amzDate, "The authorization header is malformed; ",
                S3AuthException::authorizationHeaderMalformed);
        List<String> signed = signedHeaderNames(signedHeaders, S3AuthException::authorizationHeaderMalformed);
        requireSigned(head, signed);

        String contentSha256 = head.header("x-amz-content-sha256");
        if (contentSha256 == null) {
            throw S3AuthException.invalidRequest("Missing required header for this request: x-amz-content-sha256");
        }
        contentSha256 = contentSha256.trim();
        PayloadMode mode = PayloadMode.fromContentSha256(contentSha256);
        String canonical = SigV4CanonicalRequest.of(head, query, signed, false, contentSha256);
        return new SigV4Request(parsed.accessKey, parsed.scope, amzDate, requestTime, signed, signature, false, 0,
                mode, canonical);
    }

    static SigV4Request fromQuery(RequestHead head, QueryParameters query) {
        String algorithm = query.first("X-Amz-Algorithm").orElse(null);
        String credential = query.first("X-Amz-Credential").orElse(null);
        String amzDate = query.first("X-Amz-Date").orElse(null);
        String expires = query.first("X-Amz-Expires").orElse(null);
        String signedHeaders = query.first("X-Amz-SignedHeaders").orElse(null);
        String signature = query.first("X-Amz-Signature").orElse(null);
        if (algorithm == null || credential == null || amzDate == null || expires == null || signedHeaders == null
                || signature == null || signature.isEmpty()) {
            throw S3AuthException.authorizationQueryParametersError("Query-string authentication version 4 "
                    + "requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, "
                    + "X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        if (!algorithm.equals(SigV4Request.ALGORITHM)) {
            throw S3AuthException.authorizationQueryParametersError(
                    "X-Amz-Algorithm only supports \"" + SigV4Request.ALGORITHM + "\"");
        }
        Instant requestTime = AwsTimestamps.parseAmzDate(amzDate);
        if (requestTime == null) {
            throw S3AuthException.authorizationQueryParametersError(
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expiresSeconds = parseExpires(expires);
        Credential parsed = Credential.parse(credential, amzDate, "Error parsing the X-Amz-Credential parameter; ",
                S3AuthException::authorizationQueryParametersError);
        List<String> signed = signedHeaderNames(signedHeaders, S3AuthException::authorizationQueryParametersError);
        requireSigned(head, signed);

        // Presigned URLs sign no payload hash; the header, if sent, still says how to read and check the body.
        String contentSha256 = head.header("x-amz-content-sha256");
        PayloadMode mode = contentSha256 == null
                ? PayloadMode.UNSIGNED : PayloadMode.fromContentSha256(contentSha256.trim());
        if (mode.hasSignedChunks()) {
            throw S3AuthException.notImplemented("Signed aws-chunked bodies are not supported with presigned URLs.");
        }
        String canonical = SigV4CanonicalRequest.of(head, query, signed, true, PayloadMode.UNSIGNED_PAYLOAD);
        return new SigV4Request(parsed.accessKey, parsed.scope, amzDate, requestTime, signed, signature, true,
                expiresSeconds, mode, canonical);
    }

    private static long parseExpires(String expires) {
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw S3AuthException.authorizationQueryParametersError("X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw S3AuthException.authorizationQueryParametersError("X-Amz-Expires must be non-negative");
        }
        if (seconds == 0) {
            throw S3AuthException.authorizationQueryParametersError("X-Amz-Expires must be at least 1 second");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw S3AuthException.authorizationQueryParametersError(
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return seconds;
    }

    /** {@code Credential=..., SignedHeaders=..., Signature=...}: comma-separated, spaces around commas allowed. */
    /**
     * The {@code name=value} fields after the algorithm, cut out of {@code authorization} from {@code from} on: each
     * field's name and value is one string, without copies of the rest or of each part (every request parses one).
     */
    private static Map<String, String> authorizationFields(String authorization, int from) {
        Map<String, String> fields = new HashMap<>(8);
        int length = authorization.length();
        if (from < length && authorization.charAt(from) != ' ') {
            throw S3AuthException.authorizationHeaderMalformed("The authorization header is malformed; "
                    + "the algorithm must be followed by a space.");
        }
        int start = from;
        while (true) {
            if (start > from && onlyCommasFrom(authorization, start)) {
                return fields;   // trailing commas are ignored, as String.split ignored them before
            }
            int comma = authorization.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int first = start;
            int last = end;
            while (first < last && authorization.charAt(first) <= ' ') {   // String.trim's white space
                first++;
            }
            while (last > first && authorization.charAt(last - 1) <= ' ') {
                last--;
            }
            int equals = authorization.indexOf('=', first);
            if (equals <= first || equals >= last) {
                throw S3AuthException.authorizationHeaderMalformed("The authorization header is malformed; "
                        + "expected name=value but found \"" + authorization.substring(first, last) + "\".");
            }
            String name = authorization.substring(first, equals);
            if (fields.putIfAbsent(name, authorization.substring(equals + 1, last)) != null) {
                throw S3AuthException.authorizationHeaderMalformed("The authorization header is malformed; "
                        + name + " appears twice.");
            }
            if (comma < 0) {
                return fields;
            }
            start = comma + 1;
        }
    }

    private static boolean onlyCommasFrom(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) != ',') {
                return false;
            }
        }
        return true;
    }

    private static List<String> signedHeaderNames(String value, Function<String, S3AuthException> error) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : value.split(";", -1)) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                throw error.apply("The list of signed headers contains an empty name.");
            }
            names.add(lower);
        }
        if (!names.contains("host")) {
            throw error.apply("The host header must be signed.");
        }
        return new ArrayList<>(names);
    }

    private static void requireSigned(RequestHead head, List<String> signed) {
        List<String> unsigned = new ArrayList<>();
        for (String name : head.headers().keySet()) {
            if (mustBeSigned(name) && !signed.contains(name)) {
                unsigned.add(name);
            }
        }
        if (!unsigned.isEmpty()) {
            throw S3AuthException.headersNotSigned(unsigned);
        }
    }

    private static boolean mustBeSigned(String name) {
        for (String prefix : MUST_BE_SIGNED) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code <access key>/<yyyymmdd>/<region>/<service>/aws4_request}, checked against the request's date. */
    record Credential(String accessKey, CredentialScope scope) {

        static Credential parse(String credential, String amzDate, String prefix,
                Function<String, S3AuthException> error) {
            // the last four '/' end the access key, which may hold '/' itself
            int[] slashes = new int[4];
            int at = credential.length();
            for (int i = 3; i >= 0; i--) {
                at = at < 0 ? -1 : credential.lastIndexOf('/', at - 1);
                slashes[i] = at;
            }
            if (slashes[0] < 0) {
                throw error.apply(prefix + "the Credential is mal-formed; expecting "
                        + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
            }
            String accessKey = credential.substring(0, slashes[0]);
            String date = credential.substring(slashes[0] + 1, slashes[1]);
            String region = credential.substring(slashes[1] + 1, slashes[2]);
            String service = credential.substring(slashes[2] + 1, slashes[3]);
            String terminator = credential.substring(slashes[3] + 1);
            if (accessKey.isEmpty() || region.isEmpty()) {
                throw error.apply(prefix + "the Credential is mal-formed; expecting "
                        + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
            }
            if (!date.equals(amzDate.substring(0, Math.min(8, amzDate.length())))) {
                throw error.apply(prefix + "Invalid credential date \"" + date
                        + "\". This date is not the same as X-Amz-Date: \"" + amzDate.substring(0, 8) + "\".");
            }
            if (!service.equals("s3")) {
                throw error.apply(prefix + "incorrect service \"" + service + "\". This endpoint belongs to \"s3\".");
            }
            if (!terminator.equals(CredentialScope.TERMINATOR)) {
                throw error.apply(prefix + "incorrect terminal \"" + terminator
                        + "\". This endpoint uses \"aws4_request\".");
            }
            return new Credential(accessKey, new CredentialScope(date, region, service));
        }
    }
}
