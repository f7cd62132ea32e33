package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.PayloadExpectations;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.swift.io.BlockInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes an {@code aws-chunked} request body, verifying its chunk and trailer signatures, and releases the last
 * decoded byte only when everything after it has been verified.
 *
 * <p>The framing (S3's "chunked upload"), for {@code x-amz-decoded-content-length} bytes of data:
 *
 * <pre>{@code
 * <hex size>;chunk-signature=<sig>\r\n<size bytes>\r\n      one per chunk (no ";chunk-signature" when unsigned)
 * 0;chunk-signature=<sig>\r\n                              the final, empty chunk
 * \r\n                                                     end, for STREAMING-AWS4-HMAC-SHA256-PAYLOAD
 * x-amz-checksum-crc32:<base64>\r\n                        or trailers, declared in x-amz-trailer,
 * x-amz-trailer-signature:<sig>\r\n                        signed unless STREAMING-UNSIGNED-PAYLOAD-TRAILER,
 * \r\n                                                     then the end
 * }</pre>
 *
 * <p>Why the last byte is held back: the gateway streams the decoded bytes into a Swift PUT whose
 * {@code Content-Length} is the decoded length. Chunk signatures are checked as each chunk ends, so data of a
 * tampered chunk may already have been passed on; but the final byte is released only after the last chunk's
 * signature, the final chunk, the trailer and its signature have all checked out and the body has ended. On any
 * failure Swift therefore receives fewer bytes than announced and discards the upload.
 *
 * <p>The framing is parsed strictly: sizes are 1 to 16 hex digits, every line ends in CRLF and is bounded in
 * length, chunk data is followed by CRLF, the data add up to exactly the decoded length, a signed chunk other than
 * the last has at least 8 KiB, only declared trailers may appear, and nothing may follow the end. A body that
 * stops early fails with {@code IncompleteBody} as soon as the stream underneath reports its end; no loop waits
 * for bytes that cannot come. Failures are {@link S3AuthException} ({@code SignatureDoesNotMatch}) or
 * {@link S3IntegrityException} ({@code IncompleteBody}, {@code InvalidChunkSizeError},
 * {@code MalformedTrailerError}); they stick. Checksums announced in the trailer are not checked here but by a
 * {@link io.s3multi.s3.integrity.VerifyingInputStream} stacked on top, which reads them from {@link #trailer}.
 */
public final class AwsChunkedInputStream extends BlockInputStream {

    /** The smallest chunk S3 accepts in a signed body, except for the last chunk carrying data. */
    public static final int MIN_SIGNED_CHUNK_SIZE = 8192;

    private static final int MAX_CHUNK_HEADER_LENGTH = 256;
    private static final int MAX_TRAILER_LINE_LENGTH = 1024;
    private static final String CHUNK_SIGNATURE = "chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private enum State { CHUNK_HEADER, CHUNK_DATA, DONE }

    private final InputStream in;
    private final PayloadMode mode;
    private final long decodedLength;
    private final List<String> declaredTrailers;
    private final ChunkSignatureChain chain;
    private final String accessKey;
    private final MessageDigest chunkDigest;
    private final Map<String, String> trailers = new LinkedHashMap<>();

    private State state = State.CHUNK_HEADER;
    private long chunkRemaining;
    private String chunkSignature;
    private long previousChunkSize = -1;
    private int chunkNumber;
    private long dataRead;
    private long released;
    private int held = -1;
    private boolean verified;
    private RuntimeException failure;

    /**
     * @param raw              the body as received
     * @param mode             one of the aws-chunked modes
     * @param decodedLength    {@code x-amz-decoded-content-length}
     * @param declaredTrailers lower-case trailer names from {@code x-amz-trailer}
     * @param chain            the signature chain, for the signed modes; {@code null} for the unsigned one
     * @param accessKey        the signer, for error details
     */
    public AwsChunkedInputStream(InputStream raw, PayloadMode mode, long decodedLength, List<String> declaredTrailers,
            ChunkSignatureChain chain, String accessKey) {
        Objects.requireNonNull(raw, "raw");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!mode.isAwsChunked()) {
            throw new IllegalArgumentException(mode + " is not an aws-chunked mode");
        }
        if (mode.hasSignedChunks() != (chain != null)) {
            throw new IllegalArgumentException(mode + (chain == null ? " needs" : " has no use for") + " a chain");
        }
        if (decodedLength < 0) {
            throw new IllegalArgumentException("decodedLength " + decodedLength);
        }
        if (!mode.hasTrailer() && !declaredTrailers.isEmpty()) {
            throw S3IntegrityException.invalidRequest("x-amz-trailer needs a STREAMING-...-TRAILER payload.");
        }
        this.in = new BufferedInputStream(raw, 16 * 1024);
        this.decodedLength = decodedLength;
        this.declaredTrailers = List.copyOf(declaredTrailers);
        this.chain = chain;
        this.accessKey = accessKey == null ? "" : accessKey;
        this.chunkDigest = mode.hasSignedChunks() ? Hashing.sha256() : null;
    }

    /**
     * Opens the body of a SigV4 request whose {@link PayloadMode} is aws-chunked.
     *
     * @param key the request's verified signing key; may be {@code null} for STREAMING-UNSIGNED-PAYLOAD-TRAILER
     * @throws S3IntegrityException {@code MissingContentLength} or {@code InvalidRequest} for bad framing headers
     */
    public static AwsChunkedInputStream open(InputStream raw, RequestHead head, SigV4Request request,
            SigningKey key) {
        PayloadMode mode = request.payloadMode();
        String decoded = head.header("x-amz-decoded-content-length");
        if (decoded == null) {
            throw S3IntegrityException.missingContentLength("x-amz-decoded-content-length");
        }
        long decodedLength;
        try {
            decodedLength = Long.parseLong(decoded.trim());
        } catch (NumberFormatException e) {
            decodedLength = -1;
        }
        if (decodedLength < 0) {
            throw S3IntegrityException.invalidRequest("Invalid x-amz-decoded-content-length: " + decoded);
        }
        ChunkSignatureChain chain = null;
        if (mode.hasSignedChunks()) {
            chain = ChunkSignatureChain.of(request, Objects.requireNonNull(key, "a signed body needs the signing key"));
        }
        return new AwsChunkedInputStream(raw, mode, decodedLength, PayloadExpectations.declaredTrailers(head), chain,
                request.accessKey());
    }

    /**
     * What remains of a {@code Content-Encoding} header once {@code aws-chunked} is removed, the value to store
     * with the object; {@code null} when nothing remains. The other codings keep the client's spelling (AWS
     * returns {@code deflate, gzip} as sent): only the {@code aws-chunked} entries and their separators go.
     */
    public static String storedContentEncoding(String contentEncoding) {
        if (contentEncoding == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String coding : contentEncoding.split(",", -1)) {
            if (coding.trim().equalsIgnoreCase("aws-chunked")) {
                removed = true;
            } else {
                kept.add(coding);
            }
        }
        String stored = (removed ? String.join(",", kept) : contentEncoding).strip();
        return stored.replace(",", "").isBlank() ? null : stored;
    }

    /** The number of data bytes the body decodes to, which is also the length to announce to Swift. */
    public long decodedLength() {
        return decodedLength;
    }

    /** Whether the whole body has been read and every signature and the framing checked out. */
    public boolean isVerified() {
        return verified;
    }

    /**
     * The trailers received, by lower-case name, in order ({@code x-amz-trailer-signature} excluded).
     *
     * @throws IllegalStateException before the body has been read and verified
     */
    public Map<String, String> trailers() {
        requireVerified();
        return Collections.unmodifiableMap(trailers);
    }

    /**
     * One trailer's value, or {@code null} if it was not sent.
     *
     * @throws IllegalStateException before the body has been read and verified
     */
    public String trailer(String name) {
        requireVerified();
        return trailers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (checkRead(buffer, offset, length, failure)) {
            return 0;
        }
        try {
            return readDecoded(buffer, offset, length);
        } catch (S3AuthException | S3IntegrityException e) {
            failure = e;
            held = -1;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int readDecoded(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            switch (state) {
                case DONE -> {
                    if (held < 0) {
                        return -1;
                    }
                    buffer[offset] = (byte) held;
                    held = -1;
                    return 1;
                }
                case CHUNK_HEADER -> readChunkHeader();
                case CHUNK_DATA -> {
                    if (chunkRemaining == 0) {
                        endChunk();
                        continue;
                    }
                    long releasable = decodedLength - 1 - released;
                    if (releasable <= 0) {
                        holdLastByte();
                        continue;
                    }
                    int n = in.read(buffer, offset, (int) Math.min(length, Math.min(chunkRemaining, releasable)));
                    if (n < 0) {
                        throw truncated();
                    }
                    consumed(buffer, offset, n);
                    released += n;
                    return n;
                }
            }
        }
    }

    /** Takes the body's final data byte out of circulation until the rest of the body has been verified. */
    private void holdLastByte() throws IOException {
        int last = in.read();
        if (last < 0) {
            throw truncated();
        }
        consumed(new byte[] {(byte) last}, 0, 1);
        held = last;
    }

    private void consumed(byte[] bytes, int offset, int n) {
        if (chunkDigest != null) {
            chunkDigest.update(bytes, offset, n);
        }
        chunkRemaining -= n;
        dataRead += n;
    }

    private void readChunkHeader() throws IOException {
        String line = readLine(MAX_CHUNK_HEADER_LENGTH, "chunk header");
        chunkNumber++;
        int semicolon = line.indexOf(';');
        String sizeText = semicolon < 0 ? line : line.substring(0, semicolon);
        String signature = null;
        if (mode.hasSignedChunks()) {
            String extension = semicolon < 0 ? "" : line.substring(semicolon + 1);
            if (!extension.startsWith(CHUNK_SIGNATURE) || extension.indexOf(';') >= 0
                    || extension.length() == CHUNK_SIGNATURE.length()) {
                throw S3IntegrityException.incompleteBody("Chunk " + chunkNumber + " has no valid chunk-signature.");
            }
            signature = extension.substring(CHUNK_SIGNATURE.length());
        } else if (semicolon >= 0) {
            throw S3IntegrityException.incompleteBody("Chunk " + chunkNumber + " of an unsigned body has extensions.");
        }
        long size = parseSize(sizeText);
        if (size > decodedLength - dataRead) {
            throw S3IntegrityException.incompleteBody(decodedLength, dataRead + size);
        }
        if (mode.hasSignedChunks() && size > 0 && previousChunkSize >= 0 && previousChunkSize < MIN_SIGNED_CHUNK_SIZE) {
            throw S3IntegrityException.invalidChunkSize(chunkNumber - 1, previousChunkSize);
        }
        if (size == 0) {
            if (dataRead < decodedLength) {
                throw S3IntegrityException.incompleteBody(decodedLength, dataRead);
            }
            if (chain != null) {
                checkChunkSignature(signature, Hashing.sha256().digest());
            }
            readEnd();
            verified = true;
            state = State.DONE;
            return;
        }
        previousChunkSize = size;
        chunkRemaining = size;
        chunkSignature = signature;
        state = State.CHUNK_DATA;
    }

    private void endChunk() throws IOException {
        int cr = in.read();
        int lf = cr < 0 ? -1 : in.read();
        if (lf < 0) {
            throw truncated();
        }
        if (cr != '\r' || lf != '\n') {
            throw S3IntegrityException.incompleteBody("The data of chunk " + chunkNumber + " is not followed by CRLF.");
        }
        if (chain != null) {
            checkChunkSignature(chunkSignature, chunkDigest.digest());
        }
        state = State.CHUNK_HEADER;
    }

    private void checkChunkSignature(String provided, byte[] chunkSha256) {
        if (!Hashing.constantTimeEquals(chain.nextChunk(chunkSha256), provided)) {
            throw S3AuthException.chunkSignatureDoesNotMatch(accessKey);
        }
    }

    /** After the final chunk: the trailer section if any, the closing empty line, and nothing more. */
    private void readEnd() throws IOException {
        if (mode.hasTrailer()) {
            readTrailers();
        } else if (!readLine(MAX_CHUNK_HEADER_LENGTH, "end of body").isEmpty()) {
            throw S3IntegrityException.incompleteBody("The final chunk is not followed by an empty line.");
        }
        if (in.read() >= 0) {
            throw S3IntegrityException.incompleteBody("Data follows the end of the aws-chunked body.");
        }
    }

    private void readTrailers() throws IOException {
        int maxLines = declaredTrailers.size() + (chain != null ? 1 : 0);
        StringBuilder signedLines = new StringBuilder();
        String trailerSignature = null;
        int lines = 0;
        for (String line = readLine(MAX_TRAILER_LINE_LENGTH, "trailer"); !line.isEmpty();
                line = readLine(MAX_TRAILER_LINE_LENGTH, "trailer")) {
            if (++lines > maxLines) {
                throw S3IntegrityException.malformedTrailer("more trailer lines than declared");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw S3IntegrityException.malformedTrailer("a trailer line without a name");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (trailerSignature != null) {
                throw S3IntegrityException.malformedTrailer("a trailer after " + TRAILER_SIGNATURE);
            }
            if (name.equals(TRAILER_SIGNATURE)) {
                if (chain == null) {
                    throw S3IntegrityException.malformedTrailer(TRAILER_SIGNATURE + " in an unsigned body");
                }
                trailerSignature = value;
            } else if (!declaredTrailers.contains(name)) {
                throw S3IntegrityException.malformedTrailer(name + " was not declared in x-amz-trailer");
            } else if (trailers.putIfAbsent(name, value) != null) {
                throw S3IntegrityException.malformedTrailer(name + " was sent twice");
            } else {
                // The signer hashes each trailer line as it sent it, ended by a bare newline.
                signedLines.append(line).append('\n');
            }
        }
        if (chain != null) {
            if (trailerSignature == null) {
                throw S3AuthException.chunkSignatureDoesNotMatch(accessKey);
            }
            byte[] hash = Hashing.sha256().digest(signedLines.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!Hashing.constantTimeEquals(chain.trailer(hash), trailerSignature)) {
                throw S3AuthException.chunkSignatureDoesNotMatch(accessKey);
            }
        }
        for (String declared : declaredTrailers) {
            if (!trailers.containsKey(declared)) {
                throw S3IntegrityException.malformedTrailer(declared + " was declared in x-amz-trailer but not sent");
            }
        }
    }

    /** One CRLF-terminated line of at most {@code maxLength} characters, without the CRLF. */
    private String readLine(int maxLength, String what) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw truncated();
            }
            if (c == '\r') {
                int lf = in.read();
                if (lf < 0) {
                    throw truncated();
                }
                if (lf != '\n') {
                    throw S3IntegrityException.incompleteBody("A " + what + " line has a CR without LF.");
                }
                return line.toString();
            }
            if (c == '\n') {
                throw S3IntegrityException.incompleteBody("A " + what + " line ends without CR.");
            }
            if (line.length() >= maxLength) {
                throw S3IntegrityException.incompleteBody("A " + what + " line is longer than " + maxLength + ".");
            }
            line.append((char) c);
        }
    }

    private long parseSize(String hex) {
        if (hex.isEmpty() || hex.length() > 16) {
            throw invalidSize(hex);
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0 || (size >>> 59) != 0) {
                throw invalidSize(hex);
            }
            size = size << 4 | digit;
        }
        return size;
    }

    private S3IntegrityException invalidSize(String hex) {
        return S3IntegrityException.incompleteBody("Chunk " + chunkNumber + " has an invalid size \"" + hex + "\".");
    }

    private S3IntegrityException truncated() {
        return dataRead < decodedLength
                ? S3IntegrityException.incompleteBody(decodedLength, dataRead)
                : S3IntegrityException.incompleteBody("The aws-chunked body ended before its end was reached.");
    }

    private void requireVerified() {
        if (!verified) {
            throw new IllegalStateException("the aws-chunked body has not been read and verified yet");
        }
    }
}
