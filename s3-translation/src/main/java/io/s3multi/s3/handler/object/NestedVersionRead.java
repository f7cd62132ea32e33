package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
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
 * one request per sub-manifest the range touches (a sub-manifest holds up to 1,000 parts) plus two.
 */
final class NestedVersionRead {

    /** What the version read gives back: status 200 or 206, its headers, and its bytes. */
    record Bytes(int status, SwiftHeaders headers, String contentRange, long contentLength, InputStream body) {
    }

    private NestedVersionRead() {
    }

    /** Whether {@code failure}, of a GET by version id, is Swift's answer to a nested manifest. */
    static boolean applies(SwiftException failure) {
        return S3Failures.isStatus(failure, 409);
    }

    /**
     * The version's bytes in {@code range} (a canonical {@code Range} value; null for all), read as the class comment
     * says; empty when the version is not a Static Large Object, so the 409 was about something else.
     */
    static Optional<Bytes> open(SwiftAccount swift, String bucket, String key, String versionId, String range)
            throws SwiftException {
        SwiftHeaders headers = swift.objects().headVersion(bucket, key, versionId, SwiftHeaders.empty()).headers();
        List<ManifestEntry> entries;
        try {
            entries = swift.largeObjects().getManifestVersion(bucket, key, versionId);
        } catch (SwiftProtocolException notAManifest) {
            return Optional.empty();
        }
        long size = entries.stream().mapToLong(ManifestEntry::bytes).sum();
        long first = 0;
        long last = size - 1;
        String contentRange = null;
        Optional<ByteRange> asked = ByteRange.parse(range);
        if (asked.isPresent()) {
            long[] span = asked.get().resolve(size).orElseThrow(() -> S3Exception.invalidRange(asked.get().raw(), size));
            first = span[0];
            last = span[1];
            contentRange = ByteRange.contentRange(first, last, size);
        }
        return Optional.of(new Bytes(contentRange == null ? 200 : 206, headers, contentRange, last - first + 1,
                new Pieces(swift, pieces(entries, first, last))));
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
