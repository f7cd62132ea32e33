package io.s3multi.s3.post;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) one part at a time, as it arrives: a part's content is a
 * stream that ends at the next boundary, so a file of any size passes through a buffer of {@value #BUFFER_BYTES}
 * bytes and is never held whole.
 *
 * <p>{@link #next()} skips what is left of the current part and returns the next one's headers; a body that ends
 * before its closing boundary, or whose framing is broken, fails with {@code MalformedPOSTRequest}, also from a
 * part's stream (so an upload fed from it is aborted rather than stored short). Not thread-safe.
 */
final class MultipartFormReader {

    static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_PART_HEADER_BYTES = 8 * 1024;

    private final InputStream body;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean bodyEnded;
    private boolean inPart;
    private boolean finished;
    private int partsStarted;

    /** @param boundary the {@code boundary} parameter of the body's {@code Content-Type} */
    MultipartFormReader(InputStream body, String boundary) {
        this.body = Objects.requireNonNull(body, "body");
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(BUFFER_BYTES, 2 * delimiter.length)];
        // The first boundary may open the body without a CRLF before it: pretend there was one.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        inPart = true;
    }

    /** One part: its name, the file name if it is a file, its content type if it had one, and its content. */
    record Part(String name, String fileName, String contentType, InputStream content) {
    }

    /**
     * The next part, with its content ready to be read; empty after the closing boundary.
     *
     * @throws S3Exception {@code MalformedPOSTRequest} for a broken or truncated body
     */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        byte[] skip = new byte[8192];
        while (inPart) {
            readContent(skip, 0, skip.length);
        }
        if (!fill(2)) {
            throw malformed("the body ends after a boundary");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        String headers = readHeaders();
        inPart = true;
        partsStarted++;
        return Optional.of(partOf(headers));
    }

    /** Reads the headers of a part: the rest of the boundary line, header lines, an empty line. */
    private String readHeaders() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (!fill(1)) {
                throw malformed("the body ends inside a part's headers");
            }
            text.append((char) (buffer[position++] & 0xFF));
            int n = text.length();
            if (n >= 4 && text.charAt(n - 4) == '\r' && text.charAt(n - 3) == '\n' && text.charAt(n - 2) == '\r'
                    && text.charAt(n - 1) == '\n') {
                return text.toString();
            }
            if (n > MAX_PART_HEADER_BYTES) {
                throw malformed("a part's headers are too long");
            }
        }
    }

    private Part partOf(String headers) {
        String[] lines = headers.split("\r\n");
        // lines[0] is what followed the boundary on its line: nothing, or transport padding.
        if (!lines[0].isBlank()) {
            throw malformed("text after a boundary");
        }
        String name = null;
        String fileName = null;
        String contentType = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = new String(lines[i].substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8).trim();
            if (header.equals("content-disposition")) {
                name = HeaderParameters.value(value, "name");
                fileName = HeaderParameters.value(value, "filename");
            } else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        if (name == null) {
            throw malformed("a part without a form field name");
        }
        return new Part(name, fileName, contentType, new PartContent());
    }

    /** The content of the current part, up to the next delimiter; -1 from then on. */
    private int readContent(byte[] target, int offset, int length) throws IOException {
        while (inPart) {
            if (!fill(delimiter.length) && limit - position < delimiter.length) {
                throw malformed("the body ends inside a part");
            }
            int found = indexOfDelimiter();
            int safe = found >= 0 ? found - position : limit - position - delimiter.length + 1;
            if (found == position) {
                position += delimiter.length;
                inPart = false;
                return -1;
            }
            // safe > 0 here: without a delimiter, fill() left at least one delimiter length buffered
            int n = Math.min(length, safe);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
        return -1;
    }

    /** The delimiter's first position in the buffered bytes, or -1. */
    private int indexOfDelimiter() {
        int last = limit - delimiter.length;
        byte first = delimiter[0];
        for (int i = position; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            int j = 1;
            while (j < delimiter.length && buffer[i + j] == delimiter[j]) {
                j++;
            }
            if (j == delimiter.length) {
                return i;
            }
        }
        return -1;
    }

    /** Makes at least {@code wanted} bytes available after {@code position}; false when the body ended before. */
    private boolean fill(int wanted) throws IOException {
        if (limit - position >= wanted) {
            return true;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < wanted && !bodyEnded) {
            int n = body.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                bodyEnded = true;
            } else {
                limit += n;
            }
        }
        return limit - position >= wanted;
    }

    static S3Exception malformed(String reason) {
        return S3Exception.of(S3ErrorCode.MALFORMED_POST_REQUEST).withReason(reason);
    }

    /** A part's content as a stream; reading it past its end, or after the next part was asked for, gives -1. */
    private final class PartContent extends BlockInputStream {

        private final int part = partsStarted;
        private boolean ended;

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            ended |= part != partsStarted;
            if (ended || length == 0) {
                return ended ? -1 : 0;
            }
            int n = readContent(target, offset, length);
            ended = n < 0;
            return n;
        }
    }
}
