package io.s3multi.swift.http;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Swift's answer: status and headers as soon as they arrive, the body as a stream that is read as it comes.
 *
 * <p>The body never ends quietly short: a broken connection or an end before {@code Content-Length}
 * throws a {@link io.s3multi.swift.error.SwiftTruncatedBodyException} from {@code read}, a stall throws
 * a {@link io.s3multi.swift.error.SwiftTimeoutException}. Always close it (try-with-resources): closing
 * before the end aborts the exchange and drops the connection, which is the right thing for a client that
 * stopped reading, and closing after the end returns the connection to the pool.
 */
public final class SwiftResponse implements Closeable {

    /** Bodies up to this size are read to the end on {@link #toReply()} to keep the connection reusable. */
    private static final long DISCARD_LIMIT = 64 * 1024;

    private final String method;
    private final String path;
    private final int status;
    private final SwiftHeaders headers;
    private final ResponseBodyStream body;

    SwiftResponse(String method, String path, int status, SwiftHeaders headers, ResponseBodyStream body) {
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The method of the request this answers. */
    public String method() {
        return method;
    }

    /** The encoded path of the request this answers (no host, no query), for messages. */
    public String path() {
        return path;
    }

    public SwiftHeaders headers() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }

    /** {@code Content-Length} of the answer, or -1 when absent (chunked). */
    public long contentLength() {
        return headers.contentLength();
    }

    /** The body, streamed. Read it once; see the class comment for how it fails. */
    public InputStream body() {
        return body;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The request method and path this answers, for messages. */
    public String describeRequest() {
        return method + " " + path;
    }

    /**
     * This answer if its status is 2xx; otherwise reads the start of the body, closes the answer and throws
     * a {@link SwiftHttpStatusException} carrying status, headers and that snippet.
     */
    public SwiftResponse orThrow() throws SwiftHttpStatusException {
        if (isSuccess()) {
            return this;
        }
        throw toStatusException();
    }

    /** Reads the start of the body, closes the answer and returns the exception that describes it. */
    public SwiftHttpStatusException toStatusException() {
        String snippet = readSnippet();
        close();
        return new SwiftHttpStatusException(method, path, status, headers, snippet);
    }

    /**
     * For answers whose body does not matter: throws on a non-2xx status, otherwise drops the body and
     * returns status and headers.
     */
    public SwiftReply toReply() throws SwiftException {
        orThrow();
        try {
            body.discard(DISCARD_LIMIT);
        } catch (InterruptedIOException interrupted) {
            // The answer is complete; the caller's interrupt flag is set again for it to see.
        } catch (SwiftException brokenBody) {
            throw brokenBody;
        } catch (IOException unexpected) {
            throw new IllegalStateException("the body stream throws only Swift exceptions", unexpected);
        } finally {
            close();
        }
        return new SwiftReply(status, headers);
    }

    @Override
    public void close() {
        body.close();
    }

    private String readSnippet() {
        char[] buffer = new char[SwiftHttpStatusException.SNIPPET_LIMIT];
        int filled = 0;
        try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            while (filled < buffer.length) {
                int count = reader.read(buffer, filled, buffer.length - filled);
                if (count < 0) {
                    break;
                }
                filled += count;
            }
        } catch (IOException unreadable) {
            // The status is what matters; a broken error body only shortens the snippet.
        }
        return new String(buffer, 0, filled);
    }

    @Override
    public String toString() {
        return describeRequest() + " -> " + status;
    }
}
