package io.s3multi.s3.integrity;

import java.security.MessageDigest;
import java.util.zip.Checksum;

/**
 * One digest being computed over a stream: a cryptographic hash or a CRC behind one small interface.
 *
 * <p>{@link #finish()} yields the digest as S3 puts it on the wire before base64: the hash bytes, or the CRC
 * register as big-endian bytes of its width (4 for CRC32 and CRC32C, 8 for CRC64NVME). Instances are not
 * thread-safe and are finished once.
 */
public interface RunningDigest {

    void update(byte[] bytes, int offset, int length);

    /** The digest of everything passed to {@link #update}; call once. */
    byte[] finish();

    /** Adapts a JDK hash. */
    static RunningDigest of(MessageDigest digest) {
        return new RunningDigest() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() {
                return digest.digest();
            }
        };
    }

    /** Adapts a CRC whose value has {@code widthBytes} significant bytes. */
    static RunningDigest of(Checksum crc, int widthBytes) {
        return new RunningDigest() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                crc.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() {
                return DigestAlgorithm.bigEndian(crc.getValue(), widthBytes);
            }
        };
    }
}
