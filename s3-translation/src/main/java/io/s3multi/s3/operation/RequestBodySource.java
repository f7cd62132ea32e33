package io.s3multi.s3.operation;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.post.PostSubmission;
import java.util.Optional;
import java.util.Set;

/**
 * Opens the client's request body once, decoded (aws-chunked removed) and verified while it streams
 * (signed chunks, Content-MD5, x-amz-content-sha256, x-amz-checksum-*): the stream throws before it hands
 * out its last byte when a check fails, so an upload fed from it to Swift is aborted and Swift stores
 * nothing.
 */
@FunctionalInterface
public interface RequestBodySource {

    /**
     * @param alsoCompute digests the handler wants computed as the bytes flow (e.g. MD5 for an ETag),
     *                    on top of the ones the request asks to be checked
     */
    RequestBody open(Set<DigestAlgorithm> alsoCompute);

    /**
     * Opens the body of a request whose {@code x-amz-checksum-<algorithm>} headers describe not the body but the
     * object it makes (CompleteMultipartUpload): those headers are not checked against the body (the handler
     * compares them with the object's checksum); everything else is, trailers included. The default suits sources
     * whose requests carry no such header.
     */
    default RequestBody openWithObjectChecksumHeaders() {
        return open(Set.of());
    }

    /**
     * The browser upload form (PostObject) the body is, read up to its file by the edge, which verified the form's
     * signature; empty for every other request.
     */
    default Optional<PostSubmission> postForm() {
        return Optional.empty();
    }
}
