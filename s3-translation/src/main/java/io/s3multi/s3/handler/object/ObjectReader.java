package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.PartReads;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.request.PartNumbers;
import io.s3multi.s3.version.NestedVersionRead;
import io.s3multi.s3.version.ObjectVersions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GetObject and HeadObject: the object's bytes streamed out of Swift, with S3's headers, ranges and
 * conditions.
 *
 * <ul>
 *   <li><b>Conditions</b> ({@link Preconditions}) are evaluated here, from a HEAD, so that the answer is S3's
 *       (precedence, 304 with the ETag, 412 as {@code PreconditionFailed}) whatever Swift would say. A GET
 *       without conditions costs one Swift request.</li>
 *   <li><b>Ranges</b> ({@link ByteRange}): one range is passed to Swift in canonical form and answered 206 with
 *       Swift's {@code Content-Range}; an unsatisfiable one is {@code InvalidRange} with the object's size; a
 *       header S3 ignores (several ranges, bad syntax) is not passed on, so the answer is the whole object.</li>
 *   <li><b>Headers</b>: {@code ETag} ({@link StoredObject}), {@code Last-Modified}, {@code Content-Length},
 *       {@code Accept-Ranges}, the stored content headers, {@code x-amz-meta-*}, {@code x-amz-tagging-count} and the
 *       version's Object Lock state ({@code x-amz-object-lock-*})
 *       (when the object has tags); the stored checksum only when
 *       the client asks ({@code x-amz-checksum-mode: ENABLED}) and reads the whole object; then the
 *       {@code response-*} query overrides.</li>
 *   <li><b>partNumber</b> ({@link PartReads}): part n of a multipart object is a ranged read (206,
 *       {@code x-amz-mp-parts-count}); a plain object is its own only part; any other part is
 *       {@code 400 InvalidPart}, as AWS answers.</li>
 *   <li><b>versionId</b>: that version ({@code ?version-id=} in Swift), with ranges, parts and conditions as above;
 *       on a versioned bucket every answer names its version ({@code x-amz-version-id}); unknown versions,
 *       malformed ids and delete markers answer as {@link ObjectVersions} says; a nested multipart version, which
 *       Swift cannot serve by id, is read from its sub-manifests ({@link NestedVersionRead}).</li>
 * </ul>
 */
public final class ObjectReader {

    /** The {@code response-*} query parameters and the headers they override. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    /** How many parts a multipart object has, on reads with {@code partNumber}. */
    private static final String PARTS_COUNT = "x-amz-mp-parts-count";

    private ObjectReader() {
    }

    public static S3Response headObject(S3Call call) {
        Optional<VersionId> version = VersionId.fromQuery(call.request());
        Optional<Integer> partNumber = partNumber(call);
        SwiftAccount swift = call.swift();
        StoredObject stored = new StoredObject(head(call, version).headers());
        Optional<S3Response> conditional = evaluate(call, stored);
        if (conditional.isPresent()) {
            return conditional.get();
        }
        if (partNumber.isPresent()) {
            PartReads.PartRange part = locate(swift, call.bucket(), call.key(), stored, partNumber.get());
            Map<String, String> headers = describe(stored);
            int status = describePart(part, stored.size(), headers);
            headers.put("Content-Length", Long.toString(part.last() - part.first() + 1));
            return respond(call, status, headers);
        }
        Optional<ByteRange> range = ByteRange.parse(call.request().header("Range"));
        long size = stored.size();
        Map<String, String> headers = describe(stored);
        int status = 200;
        long length = size;
        if (range.isPresent()) {
            long[] span = range.get().resolve(size)
                    .orElseThrow(() -> S3Exception.invalidRange(range.get().raw(), size));
            status = 206;
            length = span[1] - span[0] + 1;
            headers.put("Content-Range", ByteRange.contentRange(span[0], span[1], size));
        } else {
            addChecksum(call, stored, headers);
        }
        headers.put("Content-Length", Long.toString(length));
        return respond(call, status, headers);
    }

    public static S3Response getObject(S3Call call) {
        Optional<VersionId> version = VersionId.fromQuery(call.request());
        Optional<Integer> partNumber = partNumber(call);
        SwiftAccount swift = call.swift();
        String bucket = call.bucket();
        String key = call.key();
        Optional<PartReads.PartRange> part = Optional.empty();
        if (partNumber.isPresent() || Preconditions.forRead(call.request().head()).isPresent()) {
            StoredObject headed = new StoredObject(head(call, version).headers());
            Optional<S3Response> conditional = evaluate(call, headed);
            if (conditional.isPresent()) {
                return conditional.get();
            }
            if (partNumber.isPresent()) {
                part = Optional.of(locate(swift, bucket, key, headed, partNumber.get()));
                if (part.get().last() < part.get().first()) {
                    return emptyPart(call, headed, part.get());
                }
            }
        }
        Optional<ByteRange> range = ByteRange.parse(call.request().header("Range"));
        SwiftHeaders request = range.map(r -> SwiftHeaders.of("Range", r.toHeader())).orElse(SwiftHeaders.empty());
        if (part.isPresent() && part.get().partsCount() != null) {
            request = SwiftHeaders.of("Range", part.get().rangeHeader());
        }
        SwiftResponse object;
        try {
            object = version.isPresent()
                    ? swift.objects().getVersion(bucket, key, version.get().value(), request)
                    : swift.objects().get(bucket, key, request);
        } catch (SwiftException failure) {
            if (failure instanceof SwiftHttpStatusException status && status.status() == 416 && range.isPresent()) {
                throw S3Exception.invalidRange(range.get().raw(), sizeFrom(status.headers().get("Content-Range")));
            }
            if (version.isPresent() && NestedVersionRead.applies(failure)) {
                String asked = request.get("Range");
                Optional<NestedVersionRead.Bytes> nested = S3Failures.onObject(swift, bucket, key,
                        () -> NestedVersionRead.open(swift, bucket, key, version.get().value(),
                                size -> span(asked, size)));
                if (nested.isPresent()) {
                    NestedVersionRead.Bytes bytes = nested.get();
                    return serve(call, part, bytes.status(), bytes.headers(), bytes.contentRange(),
                            bytes.contentLength(), bytes.body(), bytes.body());
                }
            }
            throw readFailure(call, version, failure);
        }
        return serve(call, part, object.status(), object.headers(), object.header("Content-Range"),
                object.contentLength(), object.body(), object);
    }

    /** {@code {first, last}} of a canonical {@code Range} value over {@code size} bytes; null for none. */
    private static long[] span(String rangeHeader, long size) {
        Optional<ByteRange> asked = ByteRange.parse(rangeHeader);
        if (asked.isEmpty()) {
            return null;
        }
        return asked.get().resolve(size).orElseThrow(() -> S3Exception.invalidRange(asked.get().raw(), size));
    }

    /** The answer to a GET whose bytes Swift is sending ({@code status} 200 or 206, with its {@code headers}). */
    private static S3Response serve(S3Call call, Optional<PartReads.PartRange> part, int swiftStatus,
            SwiftHeaders swiftHeaders, String contentRange, long contentLength, InputStream body,
            AutoCloseable resource) {
        StoredObject stored = new StoredObject(swiftHeaders);
        Map<String, String> headers = describe(stored);
        int status = swiftStatus == 206 ? 206 : 200;
        if (status == 206) {
            headers.put("Content-Range", contentRange);
        } else if (part.isEmpty()) {
            addChecksum(call, stored, headers);
        }
        part.map(PartReads.PartRange::partsCount)
                .ifPresent(count -> headers.put(PARTS_COUNT, Integer.toString(count)));
        if (contentLength >= 0) {
            headers.put("Content-Length", Long.toString(contentLength));
        }
        S3Response response = respond(call, status, headers);
        return response.withStream(body, contentLength, resource);
    }

    /**
     * The {@code partNumber} asked for, if any: 1..10000, and not together with a {@code Range} (AWS refuses
     * both at once).
     */
    private static Optional<Integer> partNumber(S3Call call) {
        Optional<String> raw = call.request().param("partNumber");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int number = PartNumbers.parse(raw.get());
        if (call.request().header("Range") != null) {
            throw S3Exception.invalidRequest("Cannot specify both Range header and partNumber query parameter");
        }
        return Optional.of(number);
    }

    private static PartReads.PartRange locate(SwiftAccount swift, String bucket, String key, StoredObject stored,
            int partNumber) {
        return S3Failures.onObject(swift, bucket, key,
                () -> PartReads.locate(swift, bucket, stored.swiftHeaders(), partNumber));
    }

    /**
     * Content-Range and parts count of one part of a multipart object (206); a plain object's part 1 is the whole
     * object (200, as without partNumber).
     */
    private static int describePart(PartReads.PartRange part, long size, Map<String, String> headers) {
        if (part.partsCount() == null) {
            return 200;
        }
        headers.put(PARTS_COUNT, Integer.toString(part.partsCount()));
        if (part.last() >= part.first()) {
            headers.put("Content-Range", ByteRange.contentRange(part.first(), part.last(), size));
        }
        return 206;
    }

    /** An empty part (a multipart object's last part may be one): Swift cannot be asked for zero bytes. */
    private static S3Response emptyPart(S3Call call, StoredObject stored, PartReads.PartRange part) {
        Map<String, String> headers = describe(stored);
        int status = describePart(part, stored.size(), headers);
        headers.put("Content-Length", "0");
        return respond(call, status, headers).withStream(InputStream.nullInputStream(), 0, () -> { });
    }

    /** 304 or 412 when the conditions say so; empty when the object is to be served. */
    private static Optional<S3Response> evaluate(S3Call call, StoredObject stored) {
        Preconditions conditions = Preconditions.forRead(call.request().head());
        Preconditions.Outcome outcome = conditions.evaluate(stored.etag(), stored.lastModified());
        return switch (outcome) {
            case PROCEED -> Optional.empty();
            case NOT_MODIFIED -> Optional.of(S3Response.status(304)
                    .withHeader("ETag", stored.etag())
                    .withHeader("Last-Modified", stored.lastModifiedHeader()));
            case PRECONDITION_FAILED -> throw S3Exception.preconditionFailed(conditions.failedCondition(outcome));
        };
    }

    /** The HEAD of the version asked for, else of the current one. */
    private static SwiftReply head(S3Call call, Optional<VersionId> version) {
        SwiftAccount swift = call.swift();
        try {
            return version.isPresent()
                    ? swift.objects().headVersion(call.bucket(), call.key(), version.get().value(), SwiftHeaders.empty())
                    : swift.objects().head(call.bucket(), call.key(), SwiftHeaders.empty());
        } catch (SwiftException failure) {
            throw readFailure(call, version, failure);
        }
    }

    /** A read's failure: about a version ({@link ObjectVersions#onVersion}) or the current object (delete marker). */
    private static S3Exception readFailure(S3Call call, Optional<VersionId> version, SwiftException failure) {
        return version.isEmpty() ? ObjectVersions.forCurrent(failure, call.swift(), call.bucket(), call.key())
                : ObjectVersions.forVersion(failure, call.swift(), call.bucket(), call.key(), version.get(),
                        call.request().method());
    }

    private static Map<String, String> describe(StoredObject stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", stored.etag());
        headers.put("Last-Modified", stored.lastModifiedHeader());
        headers.put("Accept-Ranges", "bytes");
        // Swift shows a version id only on a bucket with versioning configured, as S3 does ("null" included).
        VersionHeaders.swiftVersionId(stored.swiftHeaders()).ifPresent(id -> headers.put(VersionHeaders.VERSION_ID, id));
        ObjectMetadata.toResponse(stored.swiftHeaders(), headers::put);
        int tags = StoredTags.ofObject(stored.swiftHeaders()).size();
        if (tags > 0) {
            headers.put("x-amz-tagging-count", Integer.toString(tags));
        }
        ObjectLocks.describe(ObjectLockState.of(stored.swiftHeaders()), headers::put);
        return headers;
    }

    private static void addChecksum(S3Call call, StoredObject stored, Map<String, String> headers) {
        String mode = call.request().header("x-amz-checksum-mode");
        if (mode == null || !mode.trim().equalsIgnoreCase("ENABLED")) {
            return;
        }
        stored.checksum().ifPresent(checksum -> {
            headers.put(checksum.algorithm().checksumHeader(), checksum.value());
            headers.put("x-amz-checksum-type", checksum.type());
        });
    }

    private static S3Response respond(S3Call call, int status, Map<String, String> headers) {
        for (Map.Entry<String, String> override : OVERRIDES.entrySet()) {
            call.request().param(override.getKey()).ifPresent(value -> headers.put(override.getValue(), value));
        }
        S3Response response = S3Response.status(status);
        headers.forEach(response::withHeader);
        return response;
    }

    private static long sizeFrom(String contentRange) {
        if (contentRange != null) {
            int slash = contentRange.lastIndexOf('/');
            try {
                return Long.parseLong(contentRange.substring(slash + 1).trim());
            } catch (NumberFormatException | IndexOutOfBoundsException unknown) {
                return -1;
            }
        }
        return -1;
    }
}
