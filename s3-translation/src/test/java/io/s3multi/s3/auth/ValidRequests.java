package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Correctly signed requests of every form the gateway accepts, at {@link #NOW}, with their bodies: the seeds the
 * fuzz tests mutate. Signatures are computed with the gateway's own signer classes (checked against AWS's
 * published vectors elsewhere), by parsing the request once with a placeholder signature.
 */
final class ValidRequests {

    static final Instant NOW = Instant.parse("2013-05-24T00:00:00Z");
    static final String AMZ_DATE = "20130524T000000Z";
    static final String HTTP_DATE = "Fri, 24 May 2013 00:00:00 GMT";
    static final String ACCESS_KEY = Requests.ACCESS_KEY;
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";

    /** The ways a request can be signed. */
    enum Form { V4_HEADER, V4_QUERY, V2_HEADER, V2_QUERY, ANONYMOUS }

    /** What {@code x-amz-content-sha256} announces for a SigV4 header-signed request. */
    enum Payload { SHA256, UNSIGNED, STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, STREAMING_UNSIGNED_TRAILER }

    /** A request head, as header name/value pairs in order, and its body. */
    record Signed(String method, String path, String query, List<String[]> headers, byte[] body) {

        RequestHead head() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String[] header : headers) {
                map.computeIfAbsent(header[0], n -> new ArrayList<>()).add(header[1]);
            }
            return new RequestHead(method, path, query, map);
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " "
                    + headers.stream().map(h -> h[0] + ": " + h[1]).collect(Collectors.joining(" | "))
                    + " body=" + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private ValidRequests() {
    }

    /**
     * @param extraHeaders more headers, signed too (x-amz-meta-*, Content-MD5, x-amz-checksum-*, ...)
     * @param chunkSizes   for aws-chunked payloads, the chunk sizes (adding up to the data's length)
     */
    static Signed of(Form form, Payload payload, String method, String path, String query,
            List<String[]> extraHeaders, byte[] data, List<Integer> chunkSizes, DigestAlgorithm trailerChecksum) {
        return of(form, payload, method, path, query, extraHeaders, data, chunkSizes, trailerChecksum,
                trailerChecksum);
    }

    /**
     * As above, with a trailer that may differ from the one declared in {@code x-amz-trailer} (a client error the
     * trailer signature does not catch).
     */
    static Signed of(Form form, Payload payload, String method, String path, String query,
            List<String[]> extraHeaders, byte[] data, List<Integer> chunkSizes, DigestAlgorithm trailerChecksum,
            DigestAlgorithm sentTrailer) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", "s3.example.com"});
        headers.addAll(extraHeaders);
        return switch (form) {
            case V4_HEADER -> v4Header(payload, method, path, query, headers, data, chunkSizes, trailerChecksum,
                    sentTrailer);
            case V4_QUERY -> v4Query(method, path, query, headers, data);
            case V2_HEADER -> v2(false, method, path, query, headers, data);
            case V2_QUERY -> v2(true, method, path, query, headers, data);
            case ANONYMOUS -> new Signed(method, path, query, headers, data);
        };
    }

    private static Signed v4Header(Payload payload, String method, String path, String query,
            List<String[]> headers, byte[] data, List<Integer> chunkSizes, DigestAlgorithm trailerChecksum,
            DigestAlgorithm sentTrailer) {
        headers.add(new String[] {"x-amz-date", AMZ_DATE});
        String contentSha256 = switch (payload) {
            case SHA256 -> HexFormat.of().formatHex(ChunkedBodies.sha256(data));
            case UNSIGNED -> PayloadMode.UNSIGNED_PAYLOAD;
            case STREAMING_SIGNED -> PayloadMode.STREAMING_SIGNED_PAYLOAD;
            case STREAMING_SIGNED_TRAILER -> PayloadMode.STREAMING_SIGNED_PAYLOAD_TRAILER;
            case STREAMING_UNSIGNED_TRAILER -> PayloadMode.STREAMING_UNSIGNED_PAYLOAD_TRAILER;
        };
        headers.add(new String[] {"x-amz-content-sha256", contentSha256});
        boolean chunked = payload.name().startsWith("STREAMING");
        boolean trailer = payload.name().endsWith("TRAILER") && trailerChecksum != null;
        if (chunked) {
            headers.add(new String[] {"Content-Encoding", "aws-chunked"});
            headers.add(new String[] {"x-amz-decoded-content-length", Integer.toString(data.length)});
            if (trailer) {
                headers.add(new String[] {"x-amz-trailer", trailerChecksum.checksumHeader()});
            }
        }
        String signedHeaders = headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).distinct().sorted()
                .collect(Collectors.joining(";"));
        String prefix = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + SCOPE + ", SignedHeaders="
                + signedHeaders + ", Signature=";
        List<String[]> unsigned = new ArrayList<>(headers);
        unsigned.add(new String[] {"Authorization", prefix + "0".repeat(64)});
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(
                new Signed(method, path, query, unsigned, data).head()).orElseThrow();
        SigningKey key = SigningKey.derive(Requests.SECRET, parsed.scope());
        String signature = key.sign(parsed.stringToSign());
        headers.add(new String[] {"Authorization", prefix + signature});
        byte[] body = data;
        if (chunked) {
            String trailerLine = trailer && sentTrailer != null ? sentTrailer.checksumHeader() + ":"
                    + sentTrailer.toBase64(sentTrailer.digest(data)) : null;
            body = payload == Payload.STREAMING_UNSIGNED_TRAILER
                    ? ChunkedBodies.unsigned(data, chunkSizes, trailerLine == null ? new String[0]
                            : new String[] {trailerLine})
                    : signedChunks(data, chunkSizes, new ChunkSignatureChain(key, AMZ_DATE, signature), trailerLine);
        }
        return new Signed(method, path, query, headers, body);
    }

    /** {@link ChunkedBodies#signed}, whose trailer is written only for the trailer mode. */
    private static byte[] signedChunks(byte[] data, List<Integer> chunkSizes, ChunkSignatureChain chain,
            String trailerLine) {
        return ChunkedBodies.signed(data, chunkSizes, chain, trailerLine);
    }

    private static Signed v4Query(String method, String path, String query, List<String[]> headers, byte[] data) {
        String signedHeaders = headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).distinct().sorted()
                .collect(Collectors.joining(";"));
        String presigned = (query.isEmpty() ? "" : query + "&") + "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + encode(ACCESS_KEY + "/" + SCOPE) + "&X-Amz-Date=" + AMZ_DATE
                + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=" + encode(signedHeaders);
        SigV4Request parsed = (SigV4Request) SignedRequestParser.parse(new Signed(method, path,
                presigned + "&X-Amz-Signature=" + "0".repeat(64), headers, data).head()).orElseThrow();
        String signature = SigningKey.derive(Requests.SECRET, parsed.scope()).sign(parsed.stringToSign());
        return new Signed(method, path, presigned + "&X-Amz-Signature=" + signature, headers, data);
    }

    private static Signed v2(boolean presigned, String method, String path, String query, List<String[]> headers,
            byte[] data) {
        String expires = Long.toString(NOW.getEpochSecond() + 3600);
        if (presigned) {
            String withCredentials = (query.isEmpty() ? "" : query + "&") + "AWSAccessKeyId=" + encode(ACCESS_KEY)
                    + "&Expires=" + expires;
            SignedRequest parsed = SignedRequestParser.parse(new Signed(method, path,
                    withCredentials + "&Signature=x", headers, data).head()).orElseThrow();
            return new Signed(method, path, withCredentials + "&Signature=" + encode(v2Signature(parsed)), headers,
                    data);
        }
        headers.add(new String[] {"Date", HTTP_DATE});
        List<String[]> unsigned = new ArrayList<>(headers);
        unsigned.add(new String[] {"Authorization", "AWS " + ACCESS_KEY + ":x"});
        SignedRequest parsed = SignedRequestParser.parse(new Signed(method, path, query, unsigned, data).head())
                .orElseThrow();
        headers.add(new String[] {"Authorization", "AWS " + ACCESS_KEY + ":" + v2Signature(parsed)});
        return new Signed(method, path, query, headers, data);
    }

    private static String v2Signature(SignedRequest parsed) {
        return Base64.getEncoder().encodeToString(
                Hashing.hmac("HmacSHA1", Requests.SECRET.utf8(), parsed.stringToSign()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Splits {@code length} bytes into chunks of {@code first} bytes and a last, shorter one. */
    static List<Integer> chunkSizes(int length, int first) {
        List<Integer> sizes = new ArrayList<>();
        int left = length;
        while (left > 0) {
            int size = Math.min(left, Math.max(1, first));
            sizes.add(size);
            left -= size;
        }
        return sizes;
    }
}
