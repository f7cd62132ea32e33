package io.s3multi.s3.tus;

import io.s3multi.s3.integrity.DigestAlgorithm;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code Upload-Checksum} header: the algorithm and the digest the client announces for the body of its PATCH.
 * {@code sha1}, {@code md5} and {@code crc32} (the CRC's four bytes big-endian, as S3's checksums), each as base64.
 *
 * @param algorithm the digest
 * @param expected  the digest the client announced
 */
public record TusChecksum(DigestAlgorithm algorithm, byte[] expected) {

    /** The tus names of the algorithms, in the order {@code Tus-Checksum-Algorithm} lists them. */
    public static final Map<String, DigestAlgorithm> ALGORITHMS = Map.of("sha1", DigestAlgorithm.SHA1,
            "md5", DigestAlgorithm.MD5, "crc32", DigestAlgorithm.CRC32);
    /** {@code Tus-Checksum-Algorithm}. */
    public static final String ADVERTISED = "sha1,md5,crc32";

    /**
     * The checksum a header announces; empty without one.
     *
     * @throws TusException 400 for an unsupported algorithm or a value that is not a digest of it
     */
    public static Optional<TusChecksum> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(" +");
        DigestAlgorithm algorithm = parts.length == 2 ? ALGORITHMS.get(parts[0].toLowerCase(Locale.ROOT)) : null;
        if (algorithm == null) {
            throw new TusException(400, "Upload-Checksum: unsupported algorithm (supported: " + ADVERTISED + ")");
        }
        byte[] expected = algorithm.parseBase64(parts[1])
                .orElseThrow(() -> new TusException(400, "Upload-Checksum: not a base64 " + parts[0] + " digest"));
        return Optional.of(new TusChecksum(algorithm, expected));
    }
}
