package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.RetentionMode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lock.BucketLocks;
import io.s3multi.s3.lock.DeleteAuthority;
import io.s3multi.s3.lock.LockHeaders;
import io.s3multi.s3.lock.NewVersionLock;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.InstantAdapter;
import io.s3multi.s3.xml.documents.ObjectLockDocuments.LegalHold;
import io.s3multi.s3.xml.documents.ObjectLockDocuments.Retention;
import io.s3multi.swift.SwiftHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Get/PutObjectRetention and Get/PutObjectLegalHold: a version's Object Lock state ({@link ObjectLockState}),
 * reserved metadata changed by a metadata {@code POST} ({@link MetadataPost}, with its limits: only the current
 * version can be changed; a noncurrent version's state is {@code NotImplemented} to change, readable by
 * {@code versionId}).
 *
 * <p>As AWS: on a bucket without Object Lock every one of them is {@code InvalidRequest}; a body that is not the
 * document is {@code MalformedXML}; a retain-until date not in the future is {@code InvalidArgument}; a retention
 * that still holds may be extended, and shortened or removed only when it is {@code GOVERNANCE} and the request may
 * bypass governance ({@link DeleteAuthority}), otherwise {@code AccessDenied}. A version without retention answers
 * GetObjectRetention with {@code NoSuchObjectLockConfiguration}; a version without legal hold answers
 * GetObjectLegalHold with {@code OFF}.
 */
public final class ObjectLocks {

    private static final InstantAdapter S3_TIME = new InstantAdapter();

    private ObjectLocks() {
    }

    public static S3Response getRetention(S3Call call) {
        requireLockedBucket(call);
        SwiftHeaders stored = MetadataPost.asked(call);
        ObjectLockState state = ObjectLockState.of(stored);
        if (!state.hasRetention()) {
            throw S3Exception.of(io.s3multi.s3.error.S3ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
        }
        Retention answer = new Retention();
        answer.mode = state.mode().name();
        answer.retainUntilDate = S3_TIME.marshal(state.retainUntil());
        return S3Response.xml(answer).withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }

    /** 200 with no body, as AWS answers. */
    public static S3Response putRetention(S3Call call) {
        Retention body = readBody(call, Retention.class);
        requireLockedBucket(call);
        ObjectLockState wanted = wanted(call, body);
        MetadataPost.requireCurrentVersion(call, "retention");
        SwiftHeaders stored = MetadataPost.head(call);
        ObjectLockState current = ObjectLockState.of(stored);
        DeleteAuthority.of(call).requireRetentionChange(current, wanted);
        replace(call, stored, current.withRetention(wanted.mode(), wanted.retainUntil()));
        return S3Response.status(200);
    }

    public static S3Response getLegalHold(S3Call call) {
        requireLockedBucket(call);
        SwiftHeaders stored = MetadataPost.asked(call);
        LegalHold answer = new LegalHold();
        answer.status = ObjectLockState.of(stored).legalHold() ? "ON" : "OFF";
        return S3Response.xml(answer).withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }

    /** 200 with no body, as AWS answers. */
    public static S3Response putLegalHold(S3Call call) {
        LegalHold body = readBody(call, LegalHold.class);
        boolean on = body.status == null ? badDocument()
                : LockHeaders.legalHold(body.status).orElseGet(ObjectLocks::badDocument);
        requireLockedBucket(call);
        MetadataPost.requireCurrentVersion(call, "legal hold");
        SwiftHeaders stored = MetadataPost.head(call);
        replace(call, stored, ObjectLockState.of(stored).withLegalHold(on));
        return S3Response.status(200);
    }

    /** The {@code x-amz-object-lock-*} headers GetObject and HeadObject show for a version's state. */
    static void describe(ObjectLockState state, BiConsumer<String, String> headers) {
        if (state.hasRetention()) {
            headers.accept(LockHeaders.MODE, state.mode().name());
            headers.accept(LockHeaders.RETAIN_UNTIL_DATE, S3_TIME.marshal(state.retainUntil()));
        }
        if (state.legalHold()) {
            headers.accept(LockHeaders.LEGAL_HOLD, "ON");
        }
    }

    /** The retention a PutObjectRetention body asks for: none (both absent), or a mode and a future date. */
    private static ObjectLockState wanted(S3Call call, Retention body) {
        if (body.mode == null && body.retainUntilDate == null) {
            return ObjectLockState.NONE;
        }
        if (body.mode == null || body.retainUntilDate == null) {
            throw S3Exception.malformedXml().withReason("retention.incomplete");
        }
        RetentionMode mode = RetentionMode.parse(body.mode).orElseGet(ObjectLocks::badDocument);
        return ObjectLockState.NONE.withRetention(mode,
                LockHeaders.futureDate("RetainUntilDate", body.retainUntilDate, call.clock().instant()));
    }

    private static void replace(S3Call call, SwiftHeaders stored, ObjectLockState state) {
        MetadataPost.post(call, MetadataPost.kept(stored, ObjectLockState::isLockHeader).toBuilder()
                .addAll(state.headers()).build());
    }

    private static void requireLockedBucket(S3Call call) {
        if (!BucketLocks.fresh(call).enabled()) {
            throw NewVersionLock.missingConfiguration();
        }
    }

    private static <T> T badDocument() {
        throw S3Exception.malformedXml().withReason("objectLock.value");
    }

    private static <T> T readBody(S3Call call, Class<T> type) {
        try (InputStream body = call.body().open(Set.of()).stream()) {
            return S3Xml.read(body, type, S3Xml.MAX_CONFIGURATION_BYTES);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }
}
