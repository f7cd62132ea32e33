package io.s3multi.s3.integrity;

import io.s3multi.s3.http.RequestHead;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the integrity headers of a request that carries a body, and says which digests its body must match.
 *
 * <table>
 *   <caption>Headers read</caption>
 *   <tr><th>header</th><th>effect</th></tr>
 *   <tr><td>{@code Content-MD5}</td><td>MD5 expectation; malformed: {@code InvalidDigest}</td></tr>
 *   <tr><td>{@code x-amz-content-sha256} (64 hex digits)</td><td>SHA-256 expectation; other values
 *       ({@code UNSIGNED-PAYLOAD}, {@code STREAMING-*}) are the signature layer's business</td></tr>
 *   <tr><td>{@code x-amz-checksum-crc32|crc32c|crc64nvme|sha1|sha256|sha512|md5}</td><td>checksum expectation
 *       from the header; malformed: {@code InvalidRequest}; {@code xxhash*}: {@code NotImplemented}</td></tr>
 *   <tr><td>{@code x-amz-trailer}</td><td>checksum expectation read from the aws-chunked trailer at the end</td></tr>
 *   <tr><td>{@code x-amz-sdk-checksum-algorithm}</td><td>must name a checksum algorithm, and the one sent if
 *       any</td></tr>
 * </table>
 *
 * <p>At most one {@code x-amz-checksum-*} value may be sent, in a header or a trailer, as S3 requires. The
 * values checked here describe the body as stored: for an aws-chunked upload, the decoded bytes.
 */
public final class PayloadExpectations {

    private final List<ExpectedDigest> expectations;
    private final DigestAlgorithm checksumAlgorithm;

    private PayloadExpectations(List<ExpectedDigest> expectations, DigestAlgorithm checksumAlgorithm) {
        this.expectations = List.copyOf(expectations);
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * Reads the integrity headers of {@code head}.
     *
     * @param trailerValues the trailer of an aws-chunked body by lower-case name, queried only after the body has
     *                      ended; {@code null} when the body is not aws-chunked (then {@code x-amz-trailer} is
     *                      refused)
     * @throws S3IntegrityException {@code InvalidDigest} or {@code InvalidRequest} for bad headers
     */
    public static PayloadExpectations fromHeaders(RequestHead head, Function<String, String> trailerValues) {
        List<ExpectedDigest> expectations = new ArrayList<>();
        String contentMd5 = head.header("Content-MD5");
        if (contentMd5 != null) {
            expectations.add(ExpectedDigest.contentMd5(contentMd5));
        }
        String contentSha256 = head.header("x-amz-content-sha256");
        if (ExpectedDigest.isSha256Hex(contentSha256)) {
            expectations.add(ExpectedDigest.contentSha256(contentSha256));
        }

        List<ExpectedDigest> checksums = new ArrayList<>();
        for (String name : head.headers().keySet()) {
            refuseUnsupported(name);
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromChecksumHeader(name);
            if (algorithm.isPresent()) {
                checksums.add(ExpectedDigest.checksumHeader(algorithm.get(), head.header(name)));
            }
        }
        for (String trailer : declaredTrailers(head)) {
            refuseUnsupported(trailer);
            DigestAlgorithm algorithm = DigestAlgorithm.fromChecksumHeader(trailer)
                    .orElseThrow(() -> S3IntegrityException.invalidRequest(
                            "The value specified in the x-amz-trailer header is not supported: " + trailer));
            if (trailerValues == null) {
                throw S3IntegrityException.invalidRequest(
                        "x-amz-trailer is only allowed with an aws-chunked body that carries a trailer.");
            }
            checksums.add(ExpectedDigest.checksumTrailer(algorithm, () -> trailerValues.apply(trailer)));
        }
        if (checksums.size() > 1) {
            throw S3IntegrityException.invalidRequest(
                    "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        DigestAlgorithm checksumAlgorithm = checksums.isEmpty() ? null : checksums.get(0).algorithm();
        checkSdkAlgorithm(head.header("x-amz-sdk-checksum-algorithm"), checksumAlgorithm);
        expectations.addAll(checksums);
        return new PayloadExpectations(expectations, checksumAlgorithm);
    }

    /** The lower-case names listed in {@code x-amz-trailer}, in order. */
    public static List<String> declaredTrailers(RequestHead head) {
        List<String> names = new ArrayList<>();
        for (String value : head.headerValues("x-amz-trailer")) {
            for (String name : value.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
        }
        return names;
    }

    /** What the body will be checked against, in checking order. */
    public List<ExpectedDigest> expectations() {
        return expectations;
    }

    /** The {@code x-amz-checksum-*} algorithm the client chose, if any (to store and echo the checksum). */
    public Optional<DigestAlgorithm> checksumAlgorithm() {
        return Optional.ofNullable(checksumAlgorithm);
    }

    /**
     * Wraps the body in a stream that checks it against these expectations.
     *
     * @param body        the (decoded) body
     * @param length      its announced length, or {@code -1} if unknown
     * @param alsoCompute further digests the caller wants, e.g. MD5 for an ETag
     */
    public VerifyingInputStream verify(InputStream body, long length, Set<DigestAlgorithm> alsoCompute) {
        Set<DigestAlgorithm> compute = alsoCompute.isEmpty()
                ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(alsoCompute);
        return new VerifyingInputStream(body, length, compute, expectations);
    }

    private static void refuseUnsupported(String checksumHeader) {
        if (DigestAlgorithm.isUnsupportedChecksumHeader(checksumHeader)) {
            throw S3IntegrityException.notImplemented(
                    "The " + checksumHeader + " checksum is not supported by this server.");
        }
    }

    private static void checkSdkAlgorithm(String sdkAlgorithm, DigestAlgorithm sent) {
        if (sdkAlgorithm == null) {
            return;
        }
        if (DigestAlgorithm.isUnsupportedAwsName(sdkAlgorithm)) {
            throw S3IntegrityException.notImplemented(
                    "The " + sdkAlgorithm.trim() + " checksum algorithm is not supported by this server.");
        }
        DigestAlgorithm named = DigestAlgorithm.fromAwsName(sdkAlgorithm).orElseThrow(
                () -> S3IntegrityException.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid."));
        // Without a checksum the header announces nothing to verify; S3 refuses that, but some clients send the
        // header on bodies they do not checksum, and there is nothing to protect by refusing them.
        if (sent != null && named != sent) {
            throw S3IntegrityException.invalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }
    }
}
