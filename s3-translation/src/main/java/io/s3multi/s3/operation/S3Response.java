package io.s3multi.s3.operation;

import io.s3multi.s3.xml.S3Xml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an S3 operation answers: a status, headers in the order they were added, and at most one body.
 *
 * <p>Handlers build it; the S3 filters write it to the servlet response. A streamed body (an object read
 * from Swift) is copied to the client as it arrives and never held whole.
 */
public final class S3Response {

    private static final String XML_CONTENT_TYPE = "application/xml";

    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private S3Body body;

    private S3Response(int status) {
        this.status = status;
    }

    /** An answer with this status, no headers and no body yet. */
    public static S3Response status(int status) {
        return new S3Response(status);
    }

    /** 200 with an S3 XML document as its body. */
    public static S3Response xml(Object document) {
        return status(200).withXml(document);
    }

    /** 204, as DeleteObject and DeleteBucket answer. */
    public static S3Response noContent() {
        return status(204);
    }

    /** Adds a header value; a {@code null} value is left out, so optional headers need no {@code if}. */
    public S3Response withHeader(String name, String value) {
        if (value != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return this;
    }

    /** Replaces the body with an XML document, marshalled when the body is written. */
    public S3Response withXml(Object document) {
        Objects.requireNonNull(document, "document");
        byte[] bytes = S3Xml.toBytes(document);
        withHeader("Content-Type", XML_CONTENT_TYPE);
        return withBody(new BytesBody(bytes));
    }

    /** Replaces the body with a stream of known length that is closed once written. */
    public S3Response withStream(InputStream in, long length, AutoCloseable resource) {
        return withBody(new StreamBody(in, length, resource));
    }

    public S3Response withBody(S3Body newBody) {
        if (body != null) {
            body.close();
        }
        body = newBody;
        return this;
    }

    public int status() {
        return status;
    }

    /** Header values by name, in the order added. */
    public Map<String, List<String>> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** The body, or {@code null} when the answer has none. */
    public S3Body body() {
        return body;
    }

    private record BytesBody(byte[] bytes) implements S3Body {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    private record StreamBody(InputStream in, long length, AutoCloseable resource) implements S3Body {
        private static final StreamedBodyCopy COPY = new StreamedBodyCopy(System::nanoTime);

        StreamBody {
            Objects.requireNonNull(in, "in");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            COPY.copy(in, length, out);
        }

        @Override
        public void close() {
            try {
                in.close();
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception ignored) {
                // Closing only returns a backend connection; the answer is already decided.
            }
        }
    }
}
