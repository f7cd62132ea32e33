package io.s3multi.swift.http;

import java.io.InputStream;
import java.util.Objects;

/**
 * What a request sends after its headers: nothing, a few bytes held in memory (manifests, bulk-delete
 * lists, markers), or a stream.
 *
 * <p>A stream with a known length is sent with {@code Content-Length}, never chunked; a stream of unknown
 * length ({@code -1}) is sent chunked. A streamed upload stops before its last byte, so that Swift stores
 * nothing, when the stream throws, ends early or runs long (see {@link #stream(InputStream, long)}), or
 * when its request's {@link AbortSignal} is raised.
 */
public final class RequestBody {

    private static final RequestBody NONE = new RequestBody(null, null);

    private final byte[] bytes;
    private final UploadStream stream;

    private RequestBody(byte[] bytes, UploadStream stream) {
        this.bytes = bytes;
        this.stream = stream;
    }

    /** No body. A PUT or POST without a body is still sent with {@code Content-Length: 0}. */
    public static RequestBody none() {
        return NONE;
    }

    /** A small body held in memory; it can be re-sent after a 401. The array is not copied: do not change it. */
    public static RequestBody bytes(byte[] bytes) {
        return new RequestBody(Objects.requireNonNull(bytes, "bytes"), null);
    }

    /**
     * A streamed body.
     *
     * <p>With {@code length >= 0} the stream must hold exactly {@code length} bytes. The stream's end is
     * read <em>before</em> the final bytes are handed to the connection, so a stream that verifies its
     * content when it reaches its end (and throws if it is bad) stops the upload while Swift still lacks
     * bytes. The caller keeps ownership of {@code in} and closes it.
     *
     * <p>It can be re-sent after a 401 only if not a byte has been read from it yet: uploads send
     * {@code Expect: 100-continue} (unless configured off) precisely so that Swift's refusal comes first.
     *
     * @param length the exact number of bytes, or -1 if unknown (the body is then sent chunked)
     */
    public static RequestBody stream(InputStream in, long length) {
        return new RequestBody(null, new UploadStream(in, length));
    }

    /** The body's length: 0 for none, -1 for a stream of unknown length. */
    public long length() {
        if (stream != null) {
            return stream.declaredLength();
        }
        return bytes == null ? 0 : bytes.length;
    }

    /** Whether the body is a stream. */
    public boolean isStreamed() {
        return stream != null;
    }

    /** Whether sending it again would send the same bytes: always for none and bytes, for a stream until read. */
    public boolean canResend() {
        return stream == null || !stream.wasTouched();
    }

    /** How many bytes of a streamed body have been handed to the connection so far (0 if not streamed). */
    public long bytesStreamed() {
        return stream == null ? 0 : stream.bytesHandedOut();
    }

    byte[] heldBytes() {
        return bytes;
    }

    UploadStream uploadStream() {
        return stream;
    }
}
