package io.s3multi.swift.object;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftNameEncoder;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.AbortSignal;
import io.s3multi.swift.http.RequestBody;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import java.io.InputStream;

/**
 * Objects of one account: upload, download, HEAD, DELETE, server-side copy and metadata POST.
 *
 * <p>Names are given as Swift stores them and encoded here. Headers are passed through as given, so the
 * caller sets {@code ETag} (Swift then verifies the body's MD5), {@code Content-Type},
 * {@code X-Object-Meta-*}, {@code X-Delete-At}, {@code If-None-Match: *}, {@code Range}, and so on; this
 * class adds none of its own, not even a {@code Content-Type}. A status other than 2xx throws a
 * {@link io.s3multi.swift.error.SwiftHttpStatusException} (404, 412, 416, 422 for an ETag mismatch, ...).
 */
public final class SwiftObjects {

    private final AuthorizedSession session;

    public SwiftObjects(AuthorizedSession session) {
        this.session = session;
    }

    /**
     * Uploads {@code contentLength} bytes from {@code body}, sent with {@code Content-Length}, never chunked.
     *
     * <p>If {@code body} throws, ends early or holds more than {@code contentLength} bytes, the upload stops
     * before its last byte, Swift stores nothing, and a
     * {@link io.s3multi.swift.error.SwiftUploadAbortedException} carries what the stream threw. The end of
     * {@code body} is read before its final bytes are sent, so a stream that verifies a digest at its end
     * can still prevent the object. The caller keeps ownership of {@code body} and closes it.
     *
     * @param abortSignal lets another thread stop the upload; may be {@code null}
     */
    public SwiftReply put(String container, String object, InputStream body, long contentLength,
                          SwiftHeaders headers, AbortSignal abortSignal) throws SwiftException {
        if (contentLength < 0) {
            throw new IllegalArgumentException("contentLength must be known: " + contentLength);
        }
        return session.send(request("PUT", container, object, headers)
                .body(RequestBody.stream(body, contentLength))
                .abortSignal(abortSignal)
                .build()).toReply();
    }

    /** {@link #put(String, String, InputStream, long, SwiftHeaders, AbortSignal)} without an abort signal. */
    public SwiftReply put(String container, String object, InputStream body, long contentLength,
                          SwiftHeaders headers) throws SwiftException {
        return put(container, object, body, contentLength, headers, null);
    }

    /** Uploads a small body held in memory (a marker, a JSON document); re-sent after a 401 if needed. */
    public SwiftReply put(String container, String object, byte[] body, SwiftHeaders headers)
            throws SwiftException {
        return session.send(request("PUT", container, object, headers).body(RequestBody.bytes(body)).build())
                .toReply();
    }

    /**
     * Downloads an object, streaming. Pass {@code Range}, {@code If-Match}, {@code If-None-Match},
     * {@code If-Modified-Since}, ... in {@code headers}. The answer (200, or 206 for a range) must be closed;
     * its body throws rather than end short.
     */
    public SwiftResponse get(String container, String object, SwiftHeaders headers) throws SwiftException {
        return session.send(request("GET", container, object, headers).build()).orThrow();
    }

    /** The object's headers: {@code Content-Length}, {@code ETag}, {@code X-Object-Meta-*}, ... */
    public SwiftReply head(String container, String object, SwiftHeaders headers) throws SwiftException {
        return session.send(request("HEAD", container, object, headers).build()).toReply();
    }

    /** Deletes the object (only the manifest, for a large object; see {@code SwiftLargeObjects}). */
    public SwiftReply delete(String container, String object, SwiftHeaders headers) throws SwiftException {
        return session.send(request("DELETE", container, object, headers).build()).toReply();
    }

    /**
     * Copies inside Swift: a PUT of {@code destination} with {@code X-Copy-From: /container/object}
     * (encoded) and an empty body, so no object bytes pass through this process. A {@code Range} header in
     * {@code headers} copies only that range. Without {@code X-Fresh-Metadata: true} Swift keeps the
     * source's metadata and adds the {@code X-Object-Meta-*} given here; a {@code Content-Type} given here
     * replaces the source's.
     */
    public SwiftReply copy(ObjectPath source, ObjectPath destination, SwiftHeaders headers)
            throws SwiftException {
        return session.send(request("PUT", destination.container(), destination.object(), headers)
                .header("X-Copy-From", source.encoded())
                .build()).toReply();
    }

    /**
     * Replaces the object's metadata: Swift drops every {@code X-Object-Meta-*} not given here. Also sets
     * {@code Content-Type} or {@code X-Delete-At}.
     */
    public SwiftReply post(String container, String object, SwiftHeaders headers) throws SwiftException {
        return session.send(request("POST", container, object, headers).build()).toReply();
    }

    /**
     * Downloads one version of an object in a container with Swift's object versioning
     * ({@code ?version-id=}), streaming, as {@link #get}. A delete marker's version answers 404 with the
     * marker's {@code Content-Type} ({@link io.s3multi.swift.container.VersionEntry#DELETE_MARKER_TYPE}).
     */
    public SwiftResponse getVersion(String container, String object, String versionId, SwiftHeaders headers)
            throws SwiftException {
        return session.send(versionRequest("GET", container, object, versionId, headers).build()).orThrow();
    }

    /** The headers of one version of an object; 404 for an unknown version id, 400 for a malformed one. */
    public SwiftReply headVersion(String container, String object, String versionId, SwiftHeaders headers)
            throws SwiftException {
        return session.send(versionRequest("HEAD", container, object, versionId, headers).build()).toReply();
    }

    /**
     * Deletes one version (a delete marker too). When it was the current one Swift answers
     * {@code X-Object-Current-Version-Id: null} and promotes no other version: see {@link #makeCurrent}.
     */
    public SwiftReply deleteVersion(String container, String object, String versionId, SwiftHeaders headers)
            throws SwiftException {
        return session.send(versionRequest("DELETE", container, object, versionId, headers).build()).toReply();
    }

    /**
     * Makes a stored version the object's current one again (an empty {@code PUT ?version-id=}): no bytes are
     * copied and the version keeps its id and Last-Modified. Swift makes it current even if a newer version
     * exists, so pick the newest.
     */
    public SwiftReply makeCurrent(String container, String object, String versionId) throws SwiftException {
        return session.send(versionRequest("PUT", container, object, versionId, SwiftHeaders.empty())
                .body(RequestBody.bytes(new byte[0])).build()).toReply();
    }

    /**
     * Copies one version of {@code source} to {@code destination} inside Swift, with the {@code COPY} verb:
     * {@code X-Copy-From} cannot name a version (Swift takes the query as part of the name).
     */
    public SwiftReply copyVersion(ObjectPath source, String versionId, ObjectPath destination,
                                  SwiftHeaders headers) throws SwiftException {
        return session.send(versionRequest("COPY", source.container(), source.object(), versionId, headers)
                .header("Destination", destination.encoded())
                .build()).toReply();
    }

    private static SwiftRequest.Builder versionRequest(String method, String container, String object,
                                                       String versionId, SwiftHeaders headers) {
        return request(method, container, object, headers).param("version-id", versionId);
    }

    private static SwiftRequest.Builder request(String method, String container, String object,
                                                SwiftHeaders headers) {
        return SwiftRequest.builder(method, SwiftNameEncoder.objectPath(container, object)).headers(headers);
    }
}
