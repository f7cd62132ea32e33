package io.s3multi.s3.version;

import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.slo.ManifestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A GET by version id of a multipart object whose manifest nests sub-manifests (more parts than Swift's
 * {@code max_manifest_segments}), which Swift 2.30 cannot serve: its SLO middleware fetches each sub-manifest with
 * the client's query string, {@code version-id=} included, from {@code <bucket>_segments}, an unversioned container
 * that refuses a version id (400), and then answers the whole GET 409. HEAD by version id works, as do the current
 * version and nested manifests in unversioned buckets.
 *
 * <p>So the gateway reads that version's own manifest by version id ({@code ?multipart-manifest=get}, which does
 * not follow sub-manifests) and then its sub-manifests, plain SLOs in the segments container, one after another
 * without a version id, each with the piece of the asked range that falls in it. The bytes are the same; it costs
 * one request per sub-manifest the range touches (a sub-manifest holds up to 1,000 parts) plus two. GetObject,
 * CopyObject and UploadPartCopy read such a version so.
 */
public final class NestedVersionRead {

    /** What the version read gives back: status 200 or 206, its headers, and its bytes. */
    public record Bytes(int status, SwiftHeaders headers, String contentRange, long contentLength, InputStream body) {
    }

    /** The bytes to read of a version of {@code size} bytes. */
    @FunctionalInterface
    public interface Span {

        /** {@code {first, last}}, or null for all of them; throws the S3 error of a range that cannot be served. */
        long[] of(long size);
    }

    private NestedVersionRead() {
    }

    /** Whether {@code failure}, of a GET or COPY by version id, may be Swift's answer to a nested manifest. */
    public static boolean applies(SwiftException failure) {
        return S3Failures.isStatus(failure, 409);
    }

    /**
     * The version's bytes in {@code span}, read as the class comment says; empty when the version is not a Static
     * Large Object, so the 409 was about something else.
     */
    public static Optional<Bytes> open(SwiftAccount swift, String bucket, String key, String versionId, Span span)
            throws SwiftException {
        SwiftHeaders headers = swift.objects().headVersion(bucket, key, versionId, SwiftHeaders.empty()).headers();
        List<ManifestEntry> entries;
        try {
            entries = swift.largeObjects().getManifestVersion(bucket, key, versionId);
        } catch (SwiftProtocolException notAManifest) {
            return Optional.empty();
        }
        long size = entries.stream().mapToLong(ManifestEntry::bytes).sum();
        long[] asked = span.of(size);
        long first = asked == null ? 0 : asked[0];
        long last = asked == null ? size - 1 : asked[1];
        String contentRange = asked == null ? null : "bytes " + first + "-" + last + "/" + size;
        return Optional.of(new Bytes(asked == null ? 200 : 206, headers, contentRange, last - first + 1,
                new Pieces(swift, pieces(entries, first, last))));
    }

    /**
     * Copies the version's bytes in {@code span} to {@code to} with one PUT of {@code headers}, through the gateway
     * (Swift's {@code COPY ?version-id=} of such a version fails as its GET does); a failed read aborts the PUT, so
     * Swift stores nothing. Empty when the version is not a Static Large Object.
     */
    public static Optional<SwiftReply> copy(SwiftAccount swift, ObjectPath from, String versionId, Span span,
            ObjectPath to, SwiftHeaders headers) throws SwiftException {
        Optional<Bytes> bytes = open(swift, from.container(), from.object(), versionId, span);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = bytes.get().body()) {
            return Optional.of(swift.objects().put(to.container(), to.object(), in, bytes.get().contentLength(),
                    headers));
        } catch (IOException closing) {
            throw new SwiftConnectionException("closing the read of " + from + " version " + versionId, closing);
        }
    }

    /** The GETs that make up bytes {@code first..last}: each entry the span touches, with its part of the span. */
    private static List<Piece> pieces(List<ManifestEntry> entries, long first, long last) {
        List<Piece> pieces = new ArrayList<>();
        long offset = 0;
        for (ManifestEntry entry : entries) {
            long end = offset + entry.bytes() - 1;
            if (end >= first && offset <= last && entry.bytes() > 0) {
                long shift = entry.range() == null ? 0 : Long.parseLong(entry.range().substring(0,
                        entry.range().indexOf('-')));
                pieces.add(new Piece(entry, shift + Math.max(first, offset) - offset,
                        shift + Math.min(last, end) - offset));
            }
            offset = end + 1;
        }
        return pieces;
    }

    private record Piece(ManifestEntry entry, long first, long last) {
        SwiftHeaders range() {
            return SwiftHeaders.of("Range", "bytes=" + first + "-" + last);
        }
    }

    /** The pieces' bodies one after another, each GET sent when the one before it has ended. */
    private static final class Pieces extends InputStream {

        private final SwiftAccount swift;
        private final Iterator<Piece> next;
        private SwiftResponse current;

        Pieces(SwiftAccount swift, List<Piece> pieces) {
            this.swift = swift;
            this.next = pieces.iterator();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (true) {
                if (current == null) {
                    if (!next.hasNext()) {
                        return -1;
                    }
                    current = open(next.next());
                }
                int read = current.body().read(buffer, offset, length);
                if (read >= 0) {
                    return read;
                }
                current.close();
                current = null;
            }
        }

        private SwiftResponse open(Piece piece) throws IOException {
            try {
                return swift.objects().get(piece.entry().path().container(), piece.entry().path().object(),
                        piece.range());
            } catch (SwiftException failure) {
                throw new IOException("GET of " + piece.entry().path() + " for a version's bytes", failure);
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
