package io.s3multi.s3.operation;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftTimeoutException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one table that turns a Swift failure into the S3 error AWS would give, by resource level, method
 * and status (Swift s3api's {@code _swift_error_codes}, as data).
 *
 * <p>A status the table does not know is a loud {@code InternalError} naming the Swift request, never a
 * quiet pass-through. Handlers catch {@link SwiftException} only where one status means something
 * particular to them (a 404 on HEAD bucket before a listing, say) and send everything else here.
 */
public final class SwiftStatusMapper {

    /** What the failed Swift request addressed. */
    public enum Level { ACCOUNT, CONTAINER, OBJECT }

    private record Key(Level level, String method, int status) {
    }

    /** Statuses that mean the same for every method of a level. */
    private static final Map<Key, Function<Target, S3Exception>> TABLE = Map.ofEntries(
            entry(Level.CONTAINER, "*", 404, t -> S3Exception.noSuchBucket(t.bucket())),
            entry(Level.CONTAINER, "DELETE", 409, t -> S3Exception.bucketNotEmpty(t.bucket())),
            entry(Level.CONTAINER, "PUT", 202, t -> S3Exception.bucketAlreadyOwnedByYou(t.bucket())),
            entry(Level.OBJECT, "*", 404, t -> S3Exception.noSuchKey(t.key())),
            entry(Level.OBJECT, "*", 304, t -> S3Exception.notModified()),
            entry(Level.OBJECT, "*", 412, t -> S3Exception.preconditionFailed("If-Match")),
            entry(Level.OBJECT, "*", 416, t -> S3Exception.invalidRange("", -1)),
            entry(Level.OBJECT, "PUT", 411, t -> S3Exception.missingContentLength()),
            entry(Level.OBJECT, "PUT", 413, t -> S3Exception.entityTooLarge(-1, -1)),
            entry(Level.OBJECT, "PUT", 422, t -> S3Exception.badDigest()),
            entry(Level.OBJECT, "PUT", 408, t -> S3Exception.requestTimeout()),
            entry(Level.OBJECT, "PUT", 499, t -> S3Exception.requestTimeout()));

    private SwiftStatusMapper() {
    }

    /** What the failed request was about, for the error's context elements. */
    public record Target(Level level, String bucket, String key) {

        public static Target account() {
            return new Target(Level.ACCOUNT, null, null);
        }

        public static Target bucket(String bucket) {
            return new Target(Level.CONTAINER, bucket, null);
        }

        public static Target object(String bucket, String key) {
            return new Target(Level.OBJECT, bucket, key);
        }
    }

    /** The S3 error for any Swift failure of a request about {@code target}. */
    public static S3Exception toS3(SwiftException failure, Target target) {
        if (failure instanceof SwiftHttpStatusException status) {
            return forStatus(status, target);
        }
        if (failure instanceof SwiftUploadAbortedException aborted && aborted.getCause() instanceof S3Exception s3) {
            return s3;
        }
        if (failure instanceof SwiftUploadAbortedException aborted && clientTimedOut(aborted.getCause())) {
            // The client's body stopped arriving, or arrived below the server's minimum rate.
            return S3Exception.requestTimeout().withReason("clientBody.timeout");
        }
        if (failure instanceof SwiftTimeoutException || failure instanceof SwiftConnectionException) {
            return S3Exception.serviceUnavailable().withReason("swift." + failure.getClass().getSimpleName());
        }
        return S3Exception.internalError("swift failure: " + failure.getMessage(), failure);
    }

    private static boolean clientTimedOut(Throwable bodyFailure) {
        for (Throwable t = bodyFailure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static S3Exception forStatus(SwiftHttpStatusException failure, Target target) {
        int status = failure.status();
        var mapping = TABLE.get(new Key(target.level(), failure.method(), status));
        if (mapping == null) {
            mapping = TABLE.get(new Key(target.level(), "*", status));
        }
        if (mapping != null) {
            return mapping.apply(target);
        }
        if (status == 401 || status == 403) {
            return S3Exception.accessDenied();
        }
        if (status == 503 || status == 507) {
            return S3Exception.serviceUnavailable().withReason("swift." + status);
        }
        return S3Exception.internalError("unexpected Swift status " + status + " for "
                + failure.method() + " " + failure.path(), failure);
    }

    private static Map.Entry<Key, Function<Target, S3Exception>> entry(
            Level level, String method, int status, Function<Target, S3Exception> error) {
        return Map.entry(new Key(level, method, status), error);
    }
}
