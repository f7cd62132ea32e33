package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * AWS's conditional writes on PutObject and CompleteMultipartUpload: {@code If-None-Match: *} (write only if the
 * key holds no object) and {@code If-Match: <etag>} (write only over the object with that S3 ETag); and its
 * conditional deletes, {@code If-Match} alone on DeleteObject and {@code <ETag>} per key of DeleteObjects (delete
 * only the object with that ETag, {@code *}: any object), which are checked the same way.
 *
 * <table>
 *   <caption>Answers, as AWS gives them</caption>
 *   <tr><th>condition</th><th>key holds</th><th>answer</th></tr>
 *   <tr><td>{@code If-None-Match: *}</td><td>an object</td><td>412 {@code PreconditionFailed}</td></tr>
 *   <tr><td>{@code If-Match: e}</td><td>no object</td><td>404 {@code NoSuchKey}</td></tr>
 *   <tr><td>{@code If-Match: e}</td><td>an object whose ETag is not {@code e}</td>
 *       <td>412 {@code PreconditionFailed}</td></tr>
 *   <tr><td>{@code If-None-Match} other than {@code *}</td><td>-</td><td>501 {@code NotImplemented}</td></tr>
 * </table>
 *
 * <p><b>How atomic.</b> Swift has no compare-and-set. {@code If-None-Match: *} is also sent to Swift with the
 * object or manifest PUT, whose object servers refuse it (412) when an object is stored at the name as the PUT
 * starts: that part is Swift's own check. {@code If-Match} is check-then-write: the gateway reads the key's ETag
 * and compares, and a write by someone else between that read and Swift storing the new object is not detected.
 * For PutObject the read is made after the last byte of the body arrived and before Swift gets it
 * ({@link #checkedAtEnd}), so the window is one HEAD's round trip, not the whole upload; a failed condition then
 * aborts the upload and Swift stores nothing.
 */
public final class WriteConditions {

    /** No condition. */
    public static final WriteConditions NONE = new WriteConditions(false, null);

    private final boolean createOnly;
    private final String ifMatch;

    private WriteConditions(boolean createOnly, String ifMatch) {
        this.createOnly = createOnly;
        this.ifMatch = ifMatch;
    }

    /**
     * Reads {@code If-None-Match} and {@code If-Match}.
     *
     * @throws S3Exception {@code NotImplemented} for an {@code If-None-Match} other than {@code *}, which AWS
     *                     does not support on writes either
     */
    public static WriteConditions fromRequest(RequestHead head) {
        String ifNoneMatch = head.header("If-None-Match");
        String ifMatch = head.header("If-Match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Exception.notImplementedHeader("If-None-Match");
        }
        if (ifNoneMatch == null && ifMatch == null) {
            return NONE;
        }
        return new WriteConditions(ifNoneMatch != null, ifMatch == null ? null : ifMatch.trim());
    }

    /** The condition of a conditional delete: {@code If-Match} alone, the only one AWS evaluates on DeleteObject. */
    public static WriteConditions ofDelete(RequestHead head) {
        return ifMatch(head.header("If-Match"));
    }

    /** {@code If-Match: etag}; none when {@code etag} is null (a DeleteObjects key without {@code <ETag>}). */
    public static WriteConditions ifMatch(String etag) {
        return etag == null ? NONE : new WriteConditions(false, etag.trim());
    }

    /** Whether the write may only create (then it cannot replace anything). */
    public boolean isCreateOnly() {
        return createOnly;
    }

    /** Whether the key's current object must be read before the write. */
    public boolean needsCheck() {
        return createOnly || ifMatch != null;
    }

    /** Headers for the Swift PUT: {@code If-None-Match: *} for a create-only write, which Swift checks itself. */
    public SwiftHeaders swiftHeaders() {
        return createOnly ? SwiftHeaders.of("If-None-Match", "*") : SwiftHeaders.empty();
    }

    /**
     * Reads what the key holds now and checks the conditions against it.
     *
     * @throws S3Exception {@code PreconditionFailed} or {@code NoSuchKey} when a condition fails
     */
    public void check(SwiftAccount swift, String bucket, String key) throws SwiftException {
        if (!needsCheck()) {
            return;
        }
        Optional<SwiftReply> current = S3Failures.unlessNotFound(
                () -> swift.objects().head(bucket, key, SwiftHeaders.empty()));
        check(current.map(SwiftReply::headers), key);
    }

    /**
     * Checks the conditions against {@code current}, the headers of the key's object as a HEAD found them (empty:
     * no object, or a delete marker is current).
     *
     * @throws S3Exception {@code PreconditionFailed} or {@code NoSuchKey} when a condition fails
     */
    public void check(Optional<SwiftHeaders> current, String key) {
        if (createOnly && current.isPresent()) {
            throw S3Exception.preconditionFailed("If-None-Match");
        }
        if (ifMatch == null) {
            return;
        }
        if (current.isEmpty()) {
            throw S3Exception.noSuchKey(key).withReason("If-Match on a missing key");
        }
        String etag = new StoredObject(current.get()).etag();
        if (!matches(etag)) {
            throw S3Exception.preconditionFailed("If-Match");
        }
    }

    /**
     * {@code body}, which checks the conditions ({@link #check}) when it reaches its end and throws the failure in
     * place of reporting the end: Swift never gets the whole body of a write whose condition failed.
     */
    public InputStream checkedAtEnd(InputStream body, SwiftAccount swift, String bucket, String key) {
        if (ifMatch == null) {
            return body;
        }
        return new FilterInputStream(body) {
            private boolean checked;

            @Override
            public int read() throws IOException {
                return atEnd(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return atEnd(super.read(buffer, offset, length));
            }

            private int atEnd(int result) {
                if (result < 0 && !checked) {
                    S3Failures.onObject(swift, bucket, key, () -> {
                        check(swift, bucket, key);
                        return null;
                    });
                    checked = true;
                }
                return result;
            }
        };
    }

    private boolean matches(String etag) {
        String wanted = bare(etag);
        for (String candidate : ifMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || bare(trimmed).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String etag) {
        String value = etag.trim();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
