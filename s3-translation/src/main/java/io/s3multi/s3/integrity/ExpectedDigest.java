package io.s3multi.s3.integrity;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A digest the client announced for the body, and how S3 reports a failure to match it.
 *
 * <p>Where the value came from decides both its encoding and the error code:
 *
 * <table>
 *   <caption>Sources</caption>
 *   <tr><th>source</th><th>encoding</th><th>malformed</th><th>mismatch</th></tr>
 *   <tr><td>{@code Content-MD5}</td><td>base64</td><td>InvalidDigest</td><td>BadDigest</td></tr>
 *   <tr><td>{@code x-amz-content-sha256}</td><td>hex</td><td>(checked by the signature layer)</td>
 *       <td>XAmzContentSHA256Mismatch</td></tr>
 *   <tr><td>{@code x-amz-checksum-*} header</td><td>base64</td><td>InvalidRequest</td><td>BadDigest</td></tr>
 *   <tr><td>{@code x-amz-checksum-*} trailer</td><td>base64</td><td>InvalidRequest</td><td>BadDigest</td></tr>
 * </table>
 *
 * <p>Header values are validated when the expectation is created, so a malformed header fails the request before
 * its body is read. A trailer value is known only after the whole body, so it is read through a
 * {@link Supplier} at the end of the stream (see {@link VerifyingInputStream}).
 */
public final class ExpectedDigest {

    /** Where the client put the expected value. */
    public enum Source { CONTENT_MD5, CONTENT_SHA256, CHECKSUM_HEADER, CHECKSUM_TRAILER }

    private final DigestAlgorithm algorithm;
    private final Source source;
    private final Supplier<String> wireValue;

    private ExpectedDigest(DigestAlgorithm algorithm, Source source, Supplier<String> wireValue) {
        this.algorithm = algorithm;
        this.source = source;
        this.wireValue = wireValue;
    }

    /** {@code Content-MD5}: base64 of 16 bytes, else {@code InvalidDigest} now. */
    public static ExpectedDigest contentMd5(String headerValue) {
        if (DigestAlgorithm.MD5.parseBase64(headerValue).isEmpty()) {
            throw S3IntegrityException.invalidDigest();
        }
        return new ExpectedDigest(DigestAlgorithm.MD5, Source.CONTENT_MD5, () -> headerValue);
    }

    /** The hex SHA-256 from {@code x-amz-content-sha256} (any case). */
    public static ExpectedDigest contentSha256(String hex) {
        if (!isSha256Hex(hex)) {
            throw new IllegalArgumentException("not a hex SHA-256: " + hex);
        }
        return new ExpectedDigest(DigestAlgorithm.SHA256, Source.CONTENT_SHA256, () -> hex);
    }

    /** An {@code x-amz-checksum-*} request header; {@code InvalidRequest} now if it is malformed. */
    public static ExpectedDigest checksumHeader(DigestAlgorithm algorithm, String headerValue) {
        if (algorithm.parseBase64(headerValue).isEmpty()) {
            throw S3IntegrityException.invalidRequest("Value for " + algorithm.checksumHeader() + " header is invalid.");
        }
        return new ExpectedDigest(algorithm, Source.CHECKSUM_HEADER, () -> headerValue);
    }

    /** An {@code x-amz-checksum-*} trailer of an aws-chunked body, read when the body has ended. */
    public static ExpectedDigest checksumTrailer(DigestAlgorithm algorithm, Supplier<String> trailerValue) {
        return new ExpectedDigest(algorithm, Source.CHECKSUM_TRAILER, Objects.requireNonNull(trailerValue));
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    public Source source() {
        return source;
    }

    /**
     * Compares the digest computed over the body with the expected value.
     *
     * @throws S3IntegrityException with the code S3 uses for this source when they differ or the (trailer)
     *                              value is missing or malformed
     */
    public void check(byte[] computed) {
        String value = wireValue.get();
        switch (source) {
            case CONTENT_MD5 -> {
                byte[] expected = DigestAlgorithm.MD5.parseBase64(value).orElseThrow(S3IntegrityException::invalidDigest);
                if (!MessageDigest.isEqual(expected, computed)) {
                    throw S3IntegrityException.badDigest("The Content-MD5 you specified did not match what we received.");
                }
            }
            case CONTENT_SHA256 -> {
                byte[] expected = HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT));
                if (!MessageDigest.isEqual(expected, computed)) {
                    throw S3IntegrityException.contentSha256Mismatch(value, HexFormat.of().formatHex(computed));
                }
            }
            case CHECKSUM_HEADER, CHECKSUM_TRAILER -> {
                String name = algorithm.checksumHeader();
                if (value == null) {
                    throw S3IntegrityException.malformedTrailer(name + " was declared in x-amz-trailer but not sent");
                }
                Optional<byte[]> expected = algorithm.parseBase64(value);
                if (expected.isEmpty()) {
                    throw S3IntegrityException.invalidRequest("Value for " + name
                            + (source == Source.CHECKSUM_TRAILER ? " trailing header" : " header") + " is invalid.");
                }
                if (!MessageDigest.isEqual(expected.get(), computed)) {
                    throw S3IntegrityException.badDigest(
                            "The " + algorithm.awsName() + " you specified did not match the calculated checksum.");
                }
            }
        }
    }

    static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ExpectedDigest[" + algorithm + " from " + source + "]";
    }
}
