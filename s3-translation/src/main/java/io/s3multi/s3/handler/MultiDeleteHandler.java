package io.s3multi.s3.handler;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.object.ObjectDeleter;
import io.s3multi.s3.handler.object.VersionDeleter;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.lock.DeleteAuthority;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.version.VersionId;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.Delete;
import io.s3multi.s3.xml.documents.DeleteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * DeleteObjects: up to the configured number of keys in one request, quiet mode, per-key results.
 *
 * <p>The body is a {@code <Delete>} document, read with a size cap. S3 requires an integrity check on it: a
 * {@code Content-MD5} or an {@code x-amz-checksum-<algorithm>} value (header or aws-chunked trailer), which the
 * verified body stream enforces before any key is deleted ({@code BadDigest} on a mismatch). Each key is deleted
 * as DeleteObject deletes it ({@link ObjectDeleter}: a missing key counts as deleted, a multipart object goes with
 * its segments, and with an {@code <ETag>} only when the object has it, as DeleteObject's {@code If-Match}; with a
 * {@code <VersionId>} that version, {@link VersionDeleter}), several at a time but never more than {@link #PARALLEL_DELETES}, on threads shared by all
 * requests ({@link DeleteLanes}), so neither one request nor many at once can flood Swift or the gateway. The answer lists keys in request order: {@code <Deleted>} for each success (left out in quiet
 * mode) and {@code <Error>} with the AWS code for each failure; the request as a whole succeeds. A version Object Lock
 * protects is such a failure ({@code AccessDenied}); {@code x-amz-bypass-governance-retention} applies to every key.
 * So is a key the caller may not delete: each key is authorized on its own ({@link S3Call#deletions()}, as AWS
 * does), so a bucket policy that denies deleting under a prefix holds for a multi-object delete too.
 */
public final class MultiDeleteHandler {

    /** The most keys of one request deleted at the same time. */
    public static final int PARALLEL_DELETES = 8;

    private final S3ApiSettings settings;
    private final MissingBucket missingBucket;

    public MultiDeleteHandler(S3ApiSettings settings) {
        this(settings, MissingBucket.NO_SUCH_BUCKET);
    }

    /** @param missingBucket what to answer for a bucket that is not in the caller's account */
    public MultiDeleteHandler(S3ApiSettings settings, MissingBucket missingBucket) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.missingBucket = Objects.requireNonNull(missingBucket, "missingBucket");
    }

    public S3Response deleteObjects(S3Call call) {
        try {
            return deleteAll(call);
        } catch (S3Exception failure) {
            throw missingBucket.translate(call, failure);
        }
    }

    private S3Response deleteAll(S3Call call) {
        RequestBody body = open(call);
        requireIntegrityCheck(call.request().head(), body);
        S3Failures.requireBucket(call.swift(), call.bucket());
        Delete document = read(body);
        List<Delete.ObjectIdentifier> objects = document.objects();
        if (objects.isEmpty() || objects.size() > settings.maxMultiDeleteObjects()
                || objects.stream().anyMatch(object -> object.key() == null || object.key().isEmpty())) {
            throw S3Exception.malformedXml();
        }
        boolean quiet = document.isQuiet();
        List<Outcome> outcomes = deleteEach(call, objects);
        DeleteResult result = new DeleteResult();
        for (int i = 0; i < objects.size(); i++) {
            Delete.ObjectIdentifier object = objects.get(i);
            Outcome outcome = outcomes.get(i);
            if (outcome.error() == null) {
                if (!quiet) {
                    result.addDeleted(object.key(), object.versionId(), outcome.deleteMarker(),
                            outcome.deleteMarkerVersionId());
                }
            } else {
                result.addError(object.key(), object.versionId(), outcome.error().code().wireCode(),
                        outcome.error().getMessage());
            }
        }
        return S3Response.xml(result);
    }

    private static RequestBody open(S3Call call) {
        try {
            return call.body().open(Set.of());
        } catch (RuntimeException refused) {
            throw S3Failures.fromBodyFailure(refused);
        }
    }

    /**
     * S3 requires a value the body is checked against: a Content-MD5 or one {@code x-amz-checksum-<algorithm>}
     * (header or trailer). Other {@code x-amz-checksum-*} headers, such as {@code x-amz-checksum-type}, and
     * {@code x-amz-sdk-checksum-algorithm} name no value and do not count.
     */
    private static void requireIntegrityCheck(RequestHead head, RequestBody body) {
        if (head.header("Content-MD5") == null && body.checksumAlgorithm().isEmpty()) {
            throw S3Exception.invalidRequest(
                    "Missing required header for this request: Content-MD5 OR x-amz-checksum-*");
        }
    }

    private static Delete read(RequestBody body) {
        try (InputStream in = body.stream()) {
            Delete document = S3Xml.read(in, Delete.class, S3Xml.MAX_DELETE_OBJECTS_BYTES);
            // Whatever follows the root element (white space) must still pass the body's checks.
            in.transferTo(OutputStream.nullOutputStream());
            return document;
        } catch (IOException | RuntimeException failure) {
            if (failure instanceof S3Exception s3) {
                throw s3;
            }
            throw S3Failures.fromBodyFailure(failure);
        }
    }

    /** A key's failure, or what its deletion did with delete markers. */
    private record Outcome(S3Exception error, boolean deleteMarker, String deleteMarkerVersionId) {
        static Outcome failed(S3Exception error) {
            return new Outcome(error, false, null);
        }
    }

    private static List<Outcome> deleteEach(S3Call call, List<Delete.ObjectIdentifier> objects) {
        try {
            return DeleteLanes.map(objects, PARALLEL_DELETES, object -> deleteOne(call, object));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw S3Exception.internalError("interrupted while deleting", interrupted);
        }
    }

    private static Outcome deleteOne(S3Call call, Delete.ObjectIdentifier object) {
        try {
            ObjectKeys.requireValid(object.key());
            String version = object.versionId();
            if (!call.deletions().allows(object.key(), version)) {
                return Outcome.failed(S3Exception.accessDenied().withReason("key-denied"));
            }
            WriteConditions conditions = WriteConditions.ifMatch(object.etag());
            if (version != null && conditions.needsCheck()) {
                return Outcome.failed(S3Exception.notImplementedHeader("ETag"));
            }
            if (version != null) {
                VersionDeleter.Deletion deleted = VersionDeleter.delete(call.swift(), call.bucket(), object.key(),
                        VersionId.parse(version).value(), DeleteAuthority.of(call));
                return new Outcome(null, deleted.deleteMarker(), deleted.deleteMarker() ? version : null);
            }
            ObjectDeleter.Deletion deleted = ObjectDeleter.delete(call.swift(), call.bucket(), object.key(),
                    conditions);
            return new Outcome(null, deleted.markerVersionId().isPresent(), deleted.markerVersionId().orElse(null));
        } catch (S3Exception failure) {
            return Outcome.failed(failure);
        } catch (RuntimeException unexpected) {
            return Outcome.failed(S3Exception.internalError("delete of " + object.key() + " failed", unexpected));
        }
    }
}
