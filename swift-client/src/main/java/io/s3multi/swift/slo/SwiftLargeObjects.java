package io.s3multi.swift.slo;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftNameEncoder;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.bulk.BulkResultDocument;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftProtocolException;
import io.s3multi.swift.http.RequestBody;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Static Large Objects of one account: write a manifest, read it back, delete it with its segments.
 *
 * <p>A manifest PUT makes Swift HEAD every segment before it stores the manifest, which can take long for
 * many segments. Plain {@link #putManifest} sends nothing back meanwhile, so the idle timeout must cover
 * it; {@link #putManifestWithHeartbeat} asks Swift ({@code heartbeat=on}) to answer {@code 202} at once
 * and send whitespace while it works, then a JSON result, which keeps the connection alive however long
 * validation takes. Both throw a {@link SwiftHttpStatusException} when Swift refuses the manifest; its
 * snippet lists the problem segments.
 */
public final class SwiftLargeObjects {

    private final AuthorizedSession session;

    public SwiftLargeObjects(AuthorizedSession session) {
        this.session = session;
    }

    /**
     * Writes an SLO manifest ({@code PUT ...?multipart-manifest=put}). {@code headers} may carry
     * {@code Content-Type}, {@code X-Object-Meta-*}, {@code If-None-Match}, or an {@code ETag} that Swift
     * compares with the SLO ETag.
     *
     * @return the answer; its ETag is the SLO ETag
     */
    public SwiftReply putManifest(String container, String object, List<SloSegment> segments, SwiftHeaders headers)
            throws SwiftException {
        return session.send(manifestPut(container, object, segments, headers).build()).toReply();
    }

    /**
     * Writes an SLO manifest with {@code heartbeat=on}; see the class comment. The reply's status and
     * {@code ETag} / {@code Last-Modified} come from Swift's result document, the other headers from the
     * {@code 202}.
     */
    public SwiftReply putManifestWithHeartbeat(String container, String object, List<SloSegment> segments,
                                               SwiftHeaders headers) throws SwiftException {
        SwiftRequest request = manifestPut(container, object, segments, headers)
                .param("heartbeat", "on")
                .header("Accept", "application/json")
                .build();
        try (SwiftResponse response = session.send(request).orThrow()) {
            BulkResultDocument result = BulkResultDocument.read(response.body(), response.describeRequest());
            int status = result.statusCode();
            if (status < 200 || status >= 300) {
                String problems = result.errors().stream()
                        .map(error -> error.path() + ": " + error.status())
                        .collect(Collectors.joining("\n"));
                throw new SwiftHttpStatusException(response.method(), response.path(), status, response.headers(),
                        (result.responseBody() + "\n" + problems).strip());
            }
            SwiftHeaders.Builder replyHeaders = response.headers().toBuilder();
            if (!result.text("Etag").isEmpty()) {
                replyHeaders.set("ETag", result.text("Etag"));
            }
            if (!result.text("Last Modified").isEmpty()) {
                replyHeaders.set("Last-Modified", result.text("Last Modified"));
            }
            return new SwiftReply(status, replyHeaders.build());
        }
    }

    /** The manifest's segments ({@code GET ...?multipart-manifest=get}); not an SLO: {@code SwiftProtocolException}. */
    public List<ManifestEntry> getManifest(String container, String object) throws SwiftException {
        return readManifest(SwiftRequest.builder("GET", SwiftNameEncoder.objectPath(container, object)));
    }

    /**
     * The segments of one version's manifest in a container with Swift's object versioning
     * ({@code GET ...?version-id=&multipart-manifest=get}), as {@link #getManifest}.
     */
    public List<ManifestEntry> getManifestVersion(String container, String object, String versionId)
            throws SwiftException {
        return readManifest(SwiftRequest.builder("GET", SwiftNameEncoder.objectPath(container, object))
                .param("version-id", versionId));
    }

    private List<ManifestEntry> readManifest(SwiftRequest.Builder get) throws SwiftException {
        SwiftRequest request = get.param("multipart-manifest", "get")
                .header("Accept", "application/json")
                .build();
        try (SwiftResponse response = session.send(request).orThrow()) {
            // On a plain object Swift ignores the parameter and sends the object itself: never parse that.
            if (!"true".equalsIgnoreCase(response.header("X-Static-Large-Object"))) {
                throw new SwiftProtocolException(response.describeRequest() + ": not a Static Large Object", null);
            }
            return ManifestJson.readManifest(response.body(), response.describeRequest());
        }
    }

    /**
     * Deletes the manifest and every segment it lists, nested manifests included
     * ({@code DELETE ...?multipart-manifest=delete}). Swift deletes the segments first, the manifest last.
     */
    public BulkDeleteResult deleteWithSegments(String container, String object) throws SwiftException {
        SwiftRequest request = SwiftRequest.builder("DELETE", SwiftNameEncoder.objectPath(container, object))
                .param("multipart-manifest", "delete")
                .header("Accept", "application/json")
                .build();
        try (SwiftResponse response = session.send(request).orThrow()) {
            return BulkResultDocument.read(response.body(), response.describeRequest()).toDeleteResult(response);
        }
    }

    private static SwiftRequest.Builder manifestPut(String container, String object, List<SloSegment> segments,
                                                    SwiftHeaders headers) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("an SLO manifest needs at least one segment");
        }
        return SwiftRequest.builder("PUT", SwiftNameEncoder.objectPath(container, object))
                .param("multipart-manifest", "put")
                .headers(headers)
                .body(RequestBody.bytes(ManifestJson.toPutBody(segments)));
    }
}
