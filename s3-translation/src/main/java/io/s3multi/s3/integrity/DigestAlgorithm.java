package io.s3multi.s3.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The digests S3 knows: the {@code x-amz-checksum-*} algorithms, MD5 included (it also serves {@code Content-MD5}
 * and ETags). S3's xxHash checksums are recognised ({@link #isUnsupportedChecksumHeader}) but not implemented.
 *
 * <p>On the wire S3 sends a checksum as base64 of its bytes; for a CRC those are the register's big-endian bytes
 * (CRC32 of "hello" is {@code 0x3610A686}, sent as {@code NhCmhg==}). {@link #toBase64(byte[])} and
 * {@link #parseBase64(String)} implement exactly that, the latter rejecting a value of the wrong length so that a
 * malformed header is refused before any byte is read.
 */
public enum DigestAlgorithm {
    MD5("MD5", "x-amz-checksum-md5", 16),
    SHA1("SHA1", "x-amz-checksum-sha1", 20),
    SHA256("SHA256", "x-amz-checksum-sha256", 32),
    SHA512("SHA512", "x-amz-checksum-sha512", 64),
    CRC32("CRC32", "x-amz-checksum-crc32", 4),
    CRC32C("CRC32C", "x-amz-checksum-crc32c", 4),
    CRC64NVME("CRC64NVME", "x-amz-checksum-crc64nvme", 8);

    private static final Set<String> UNSUPPORTED_CHECKSUM_HEADERS =
            Set.of("x-amz-checksum-xxhash64", "x-amz-checksum-xxhash3", "x-amz-checksum-xxhash128");
    private static final Set<String> UNSUPPORTED_AWS_NAMES = Set.of("XXHASH64", "XXHASH3", "XXHASH128");

    private final String awsName;
    private final String checksumHeader;
    private final int length;

    DigestAlgorithm(String awsName, String checksumHeader, int length) {
        this.awsName = awsName;
        this.checksumHeader = checksumHeader;
        this.length = length;
    }

    /** The name S3 uses in {@code x-amz-sdk-checksum-algorithm} and {@code ChecksumAlgorithm}, e.g. {@code CRC32C}. */
    public String awsName() {
        return awsName;
    }

    /** The lower-case {@code x-amz-checksum-*} header or trailer name. */
    public String checksumHeader() {
        return checksumHeader;
    }

    /** The number of bytes of the binary digest. */
    public int length() {
        return length;
    }

    /** Whether this is a CRC, the kind S3 can combine into a FULL_OBJECT checksum. */
    public boolean isCrc() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    /** A fresh digest of this kind. */
    public RunningDigest newDigest() {
        return switch (this) {
            case MD5 -> RunningDigest.of(messageDigest("MD5"));
            case SHA1 -> RunningDigest.of(messageDigest("SHA-1"));
            case SHA256 -> RunningDigest.of(messageDigest("SHA-256"));
            case SHA512 -> RunningDigest.of(messageDigest("SHA-512"));
            case CRC32 -> RunningDigest.of(new CRC32(), 4);
            case CRC32C -> RunningDigest.of(new CRC32C(), 4);
            case CRC64NVME -> RunningDigest.of(new Crc64Nvme(), 8);
        };
    }

    /** The digest of a whole byte array; for tests and small documents, never for object bodies. */
    public byte[] digest(byte[] bytes) {
        RunningDigest digest = newDigest();
        digest.update(bytes, 0, bytes.length);
        return digest.finish();
    }

    /** Base64 of the binary digest, as S3 sends checksums and Content-MD5. */
    public String toBase64(byte[] digest) {
        if (digest.length != length) {
            throw new IllegalArgumentException(awsName + " digests have " + length + " bytes, not " + digest.length);
        }
        return Base64.getEncoder().encodeToString(digest);
    }

    /**
     * The binary digest a base64 wire value stands for, or empty when the value is not canonical base64 of exactly
     * {@link #length()} bytes.
     */
    public Optional<byte[]> parseBase64(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (decoded.length != length || !Base64.getEncoder().encodeToString(decoded).equals(trimmed)) {
            return Optional.empty();
        }
        return Optional.of(decoded);
    }

    /** The algorithm named by {@code x-amz-sdk-checksum-algorithm} (any case). */
    public static Optional<DigestAlgorithm> fromAwsName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.awsName.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose {@code x-amz-checksum-*} header or trailer has this name (any case). */
    public static Optional<DigestAlgorithm> fromChecksumHeader(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (lower.equals(algorithm.checksumHeader)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Whether this names one of S3's xxHash checksums, which this gateway cannot verify. */
    public static boolean isUnsupportedChecksumHeader(String name) {
        return name != null && UNSUPPORTED_CHECKSUM_HEADERS.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether this names one of S3's xxHash checksum algorithms, which this gateway cannot verify. */
    public static boolean isUnsupportedAwsName(String name) {
        return name != null && UNSUPPORTED_AWS_NAMES.contains(name.trim().toUpperCase(Locale.ROOT));
    }

    static byte[] bigEndian(long value, int widthBytes) {
        byte[] bytes = new byte[widthBytes];
        for (int i = widthBytes - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    static long fromBigEndian(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return value;
    }

    private static MessageDigest messageDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform provides MD5, SHA-1, SHA-256 and SHA-512.
            throw new IllegalStateException(name + " is missing from this JVM", impossible);
        }
    }
}
