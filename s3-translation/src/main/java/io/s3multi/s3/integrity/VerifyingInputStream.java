package io.s3multi.s3.integrity;

import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams a request body through while computing digests, and refuses to hand out its last byte until every
 * expected digest and the length have been checked.
 *
 * <p>Why the last byte: the gateway copies the body into a Swift PUT with a known {@code Content-Length}. If the
 * final byte were released before the check, Swift could complete (and store) the object before the gateway
 * noticed a bad digest. Holding back one byte means that on any failure Swift sees a short body and discards the
 * upload. So the stream always keeps one byte of look-ahead; only when the stream underneath reports its end are
 * the digests finished and compared, and only then is the held byte released, followed by end of stream.
 *
 * <p>Failures are thrown from {@code read} as {@link S3IntegrityException} and stick: every later read throws the
 * same exception, and the held byte is never released. An empty body has nothing to hold back, so its check runs
 * on the first {@code read}, which returns {@code -1} only if all checks passed; a consumer must therefore read
 * to end of stream before it considers an upload of zero bytes successful.
 *
 * <p>Not thread-safe, like any {@link InputStream}.
 */
public final class VerifyingInputStream extends BlockInputStream {

    private final InputStream in;
    private final long expectedLength;
    private final List<ExpectedDigest> expectations;
    private final Map<DigestAlgorithm, RunningDigest> running = new EnumMap<>(DigestAlgorithm.class);
    private final Map<DigestAlgorithm, byte[]> finished = new EnumMap<>(DigestAlgorithm.class);

    private long bytesSeen;
    private int held = -1;
    private boolean started;
    private boolean verified;
    private boolean released;
    private RuntimeException failure;

    /**
     * @param in             the body; closing this stream closes it
     * @param expectedLength the number of bytes the body must have, or {@code -1} when unknown
     * @param alsoCompute    digests to compute without an expected value (e.g. to store a checksum or an ETag);
     *                       the algorithms of {@code expectations} are always computed
     * @param expectations   values to check at the end, in this order
     */
    public VerifyingInputStream(InputStream in, long expectedLength, Collection<DigestAlgorithm> alsoCompute,
            List<ExpectedDigest> expectations) {
        this.in = Objects.requireNonNull(in, "in");
        if (expectedLength < -1) {
            throw new IllegalArgumentException("expectedLength " + expectedLength);
        }
        this.expectedLength = expectedLength;
        this.expectations = List.copyOf(expectations);
        for (DigestAlgorithm algorithm : alsoCompute) {
            running.computeIfAbsent(algorithm, DigestAlgorithm::newDigest);
        }
        for (ExpectedDigest expectation : this.expectations) {
            running.computeIfAbsent(expectation.algorithm(), DigestAlgorithm::newDigest);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (checkRead(buffer, offset, length, failure)) {
            return 0;
        }
        if (released) {
            return -1;
        }
        if (!started) {
            started = true;
            int first = readUnderlying();
            if (first < 0) {
                finish();
                released = true;
                return -1;
            }
            held = first;
        }
        if (verified) {
            return releaseHeld(buffer, offset);
        }
        if (length == 1) {
            int next = readUnderlying();
            if (next < 0) {
                finish();
                return releaseHeld(buffer, offset);
            }
            buffer[offset] = (byte) held;
            held = next;
            return 1;
        }
        // The held byte goes out first; fresh bytes land behind it and the freshest stays back as the new held one.
        int fresh = readUnderlying(buffer, offset + 1, length - 1);
        if (fresh < 0) {
            finish();
            return releaseHeld(buffer, offset);
        }
        int newHeld = buffer[offset + fresh] & 0xFF;
        buffer[offset] = (byte) held;
        held = newHeld;
        return fresh;
    }

    /** Bytes read from the underlying body so far (including the one held back). */
    public long bytesSeen() {
        return bytesSeen;
    }

    /** Whether the body has ended and every check passed. */
    public boolean isVerified() {
        return verified;
    }

    /**
     * A digest computed over the whole body, available once the body has been read and verified.
     *
     * @return empty if this algorithm was not computed
     * @throws IllegalStateException before verification
     */
    public Optional<byte[]> computed(DigestAlgorithm algorithm) {
        if (!verified) {
            throw new IllegalStateException("the body has not been read and verified yet");
        }
        byte[] digest = finished.get(algorithm);
        return digest == null ? Optional.empty() : Optional.of(digest.clone());
    }

    @Override
    public int available() throws IOException {
        if (failure != null || released) {
            return 0;
        }
        if (verified) {
            return held >= 0 ? 1 : 0;
        }
        // With one byte held back, as many bytes as the stream underneath has ready can go out without blocking.
        return Math.max(0, in.available());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int releaseHeld(byte[] buffer, int offset) {
        if (held < 0) {
            released = true;
            return -1;
        }
        buffer[offset] = (byte) held;
        held = -1;
        return 1;
    }

    private int readUnderlying() throws IOException {
        byte[] one = new byte[1];
        int n = readUnderlying(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    private int readUnderlying(byte[] buffer, int offset, int length) throws IOException {
        int n;
        do {
            n = in.read(buffer, offset, length);
        } while (n == 0);
        if (n > 0) {
            bytesSeen += n;
            if (expectedLength >= 0 && bytesSeen > expectedLength) {
                throw fail(S3IntegrityException.incompleteBody(
                        "The body is longer than the " + expectedLength + " bytes announced."));
            }
            for (RunningDigest digest : running.values()) {
                digest.update(buffer, offset, n);
            }
        }
        return n;
    }

    private void finish() {
        if (expectedLength >= 0 && bytesSeen < expectedLength) {
            throw fail(S3IntegrityException.incompleteBody(expectedLength, bytesSeen));
        }
        running.forEach((algorithm, digest) -> finished.put(algorithm, digest.finish()));
        try {
            for (ExpectedDigest expectation : expectations) {
                expectation.check(finished.get(expectation.algorithm()));
            }
        } catch (RuntimeException mismatch) {
            throw fail(mismatch);
        }
        verified = true;
    }

    private RuntimeException fail(RuntimeException cause) {
        failure = cause;
        held = -1;
        return cause;
    }
}
