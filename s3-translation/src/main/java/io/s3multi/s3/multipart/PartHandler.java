package io.s3multi.s3.multipart;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.PartNumbers;
import io.s3multi.s3.version.NestedVersionRead;
import io.s3multi.s3.version.ObjectVersions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.s3.xml.documents.CopyPartResult;
import io.s3multi.s3.xml.documents.ListPartsResult;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operations on the parts of one upload: UploadPart, UploadPartCopy and ListParts.
 *
 * <p>Each attempt to upload a part (UploadPart or UploadPartCopy, the SDK's retries included) writes a segment of
 * its own, {@code parts/<upload id>/<nnnnn>/<attempt>} ({@link PartAttempt}), its ETag the MD5 Swift computed: no
 * attempt ever writes over another's segment, so a slow first attempt landing after its retry cannot change or
 * remove what a Complete chose. ListParts shows the latest attempt of each part; Complete chooses the attempt whose
 * ETag the client names. An attempt is accepted only for an upload still in progress after its PUT: an attempt that
 * raced an Abort or a Complete answers NoSuchUpload and deletes its own segment, unless the completed object names it
 * ({@link LateAttempt}), so nothing lingers (S3Proxy and Swift's s3api both keep such parts) and no object loses a
 * segment. The upload's marker is read before the PUT only when this gateway does not know the upload yet
 * ({@link KnownUploads}): one HEAD per part, not two.
 */
public final class PartHandler {

    private final MultipartSettings settings;
    private final KnownUploads known;

    public PartHandler(MultipartSettings settings) {
        this(settings, new KnownUploads());
    }

    /** @param known the uploads whose marker need not be read before a part is stored (shared with Create) */
    PartHandler(MultipartSettings settings, KnownUploads known) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.known = Objects.requireNonNull(known, "known");
    }

    /** Streams the body into the part's segment, verified on the way (Content-MD5, signatures, checksums). */
    public S3Response uploadPart(S3Call call) {
        return S3Failures.forCall(call, () -> upload(call));
    }

    private S3Response upload(S3Call call) throws SwiftException {
        int number = partNumber(call);
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        UploadState state = new UploadState(call.swift(), call.bucket());
        Optional<DigestAlgorithm> uploadAlgorithm = checksumAlgorithm(call, state, uploadId);

        // No MD5 of the gateway's own: Swift computes the segment's MD5 (its ETag, the part's ETag), and a
        // Content-MD5 is verified by the body's expectations. See ObjectWriter.open.
        Set<DigestAlgorithm> compute = EnumSet.noneOf(DigestAlgorithm.class);
        uploadAlgorithm.ifPresent(compute::add);
        RequestBody body = call.body().open(compute);
        if (body.contentLength() < 0) {
            // As AWS: a part sent chunked without a length is 501 naming the header (PutObject takes it).
            throw call.request().header("Transfer-Encoding") != null
                    ? S3Exception.notImplementedHeader("Transfer-Encoding") : S3Exception.missingContentLength();
        }
        Optional<DigestAlgorithm> sent = body.checksumAlgorithm();
        if (sent.isPresent() && uploadAlgorithm.isPresent() && sent.get() != uploadAlgorithm.get()) {
            throw S3Exception.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                    + uploadAlgorithm.get().awsName().toLowerCase() + ", actual checksum Type: "
                    + sent.get().awsName().toLowerCase());
        }
        Optional<DigestAlgorithm> algorithm = uploadAlgorithm.or(() -> sent);
        // A checksum sent as a header is known now; one sent as a trailer only once the body has been read.
        String announced = algorithm.map(a -> call.request().header(a.checksumHeader())).orElse(null);
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        if (announced != null) {
            StoredPart.PartChecksum checksum = new StoredPart.PartChecksum(algorithm.get(), announced.trim());
            headers.set("Content-Type", PartContentType.of(checksum));
            headers.set(ReservedMetadata.checksum(algorithm.get()), announced.trim());
        } else {
            headers.set("Content-Type", PartContentType.of(null));
        }
        String segment = SegmentsLayout.part(uploadId, number, PartAttempt.begunAt(call.clock().instant()));
        String container = state.container();
        if (body.contentLength() == 0) {
            requireEmpty(body);
        }
        SwiftReply stored = S3Failures.unlessNotFound(() -> call.swift().objects().put(container, segment,
                body.stream(), body.contentLength(), headers.build()))
                .orElseThrow(() -> gone(call, uploadId));   // no segments container: no upload
        String md5 = MultipartEtag.normalize(stored.etag());
        String checksumValue = announced == null ? null
                : announced.trim();
        if (announced == null && algorithm.isPresent()) {
            Optional<byte[]> computed = body.computed(algorithm.get());
            if (computed.isPresent()) {
                checksumValue = algorithm.get().toBase64(computed.get());
                call.swift().objects().post(container, segment,
                        PartContentType.headers(new StoredPart.PartChecksum(algorithm.get(), checksumValue)));
            }
        }
        requireStillOpen(call, state, uploadId, segment);
        S3Response response = S3Response.status(200).withHeader("ETag", MultipartEtag.quote(md5));
        if (checksumValue != null) {
            response.withHeader(algorithm.get().checksumHeader(), checksumValue);
        }
        return response;
    }

    /** A body announced empty must be: a byte more is an incomplete body (of a longer one). */
    private static void requireEmpty(RequestBody body) {
        try {
            if (body.stream().read() != -1) {
                throw S3Exception.incompleteBody();
            }
        } catch (IOException e) {
            throw bodyFailure(e);
        }
    }

    /**
     * Copies a source object (or a range of it) into the part's segment inside Swift ({@code X-Copy-From}
     * with {@code Range}): no object byte passes through the gateway. A multipart source is read as one
     * object by Swift, nested manifests included, except a version by id with nested manifests, which Swift cannot
     * copy ({@link #copyVersion}). For an upload with a checksum algorithm, the part's checksum
     * is computed by reading the new segment back once ({@link CopiedPartChecksum}: Swift cannot compute it) and
     * returned in the CopyPartResult, as AWS does.
     */
    public S3Response uploadPartCopy(S3Call call) {
        return S3Failures.forCall(call, () -> copy(call));
    }

    private S3Response copy(S3Call call) throws SwiftException {
        int number = partNumber(call);
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        PartCopySource source = PartCopySource.parse(call.request().header("x-amz-copy-source"));
        UploadState state = new UploadState(call.swift(), call.bucket());
        // The marker is read first here, remembered or not: a copy into a finished upload costs Swift no copy.
        Optional<DigestAlgorithm> uploadAlgorithm = state.requireUpload(call.key(), uploadId).checksumAlgorithm();
        SwiftReply sourceHead = ObjectVersions.headCopySource(call.swift(), source.bucket(), source.key(),
                source.version());
        String sourceEtag = sourceHead.header(ReservedMetadata.ETAG) != null ? sourceHead.header(ReservedMetadata.ETAG)
                : MultipartEtag.normalize(sourceHead.etag());
        PartCopySource.checkConditions(call.request()::header, sourceEtag, lastModified(sourceHead));
        PartCopySource.Range range = PartCopySource.range(call.request().header("x-amz-copy-source-range"),
                sourceHead.contentLength());
        SwiftHeaders.Builder headers = SwiftHeaders.builder()
                .set("Content-Type", PartContentType.of(null))
                // The part must not inherit the source's metadata (an S3 ETag of a multipart source, say).
                .set("X-Fresh-Metadata", "true");
        if (range != null) {
            headers.set("Range", range.header());
        }
        String segment = SegmentsLayout.part(uploadId, number, PartAttempt.begunAt(call.clock().instant()));
        ObjectPath from = new ObjectPath(source.bucket(), source.key());
        ObjectPath to = new ObjectPath(state.container(), segment);
        // X-Copy-From cannot name a version: a source version is copied with Swift's COPY verb, Range and all.
        SwiftReply copied = source.version().isPresent()
                ? copyVersion(call, source.version().get().value(), range, from, to, headers.build())
                : call.swift().objects().copy(from, to, headers.build());
        String md5 = MultipartEtag.normalize(copied.etag());
        Instant modified = lastModified(copied);
        CopyPartResult result = new CopyPartResult(MultipartEtag.quote(md5),
                modified == null ? call.clock().instant() : modified);
        if (uploadAlgorithm.isPresent()) {
            StoredPart.PartChecksum checksum = CopiedPartChecksum.computeAndStore(call.swift(),
                    state.container(), segment, md5, uploadAlgorithm.get());
            result.checksum(checksum.algorithm().awsName(), checksum.base64());
        }
        requireStillOpen(call, state, uploadId, segment);
        return S3Response.status(200).withXml(result).withHeader(VersionHeaders.COPY_SOURCE_VERSION_ID,
                source.version().map(VersionId::value).or(() -> VersionHeaders.swiftVersionId(sourceHead.headers()))
                        .orElse(null));
    }

    /**
     * A source version, copied by Swift's {@code COPY ?version-id=}; one Swift cannot copy by id (a multipart version
     * with nested manifests, {@link NestedVersionRead}) is read from its sub-manifests and written to the segment with
     * one PUT, its bytes passing through the gateway.
     */
    private static SwiftReply copyVersion(S3Call call, String versionId, PartCopySource.Range range, ObjectPath from,
            ObjectPath to, SwiftHeaders headers) throws SwiftException {
        try {
            return call.swift().objects().copyVersion(from, versionId, to, headers);
        } catch (SwiftException failure) {
            if (!NestedVersionRead.applies(failure)) {
                throw failure;
            }
            return NestedVersionRead.copy(call.swift(), from, versionId,
                    size -> range == null ? null : new long[] {range.first(), range.last()}, to,
                    SwiftHeaders.of("Content-Type", PartContentType.of(null))).orElseThrow(() -> failure);
        }
    }

    /**
     * The upload's checksum algorithm: remembered ({@link KnownUploads}: the marker's never changes), or read from
     * its marker, which must show the upload in progress. A remembered upload may have finished since: the look
     * after the attempt's PUT ({@link #requireStillOpen}) is what decides.
     */
    private Optional<DigestAlgorithm> checksumAlgorithm(S3Call call, UploadState state, UploadId uploadId) {
        Optional<Optional<DigestAlgorithm>> remembered = known.checksumAlgorithm(call.swift(), call.bucket(),
                call.key(), uploadId);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        Optional<DigestAlgorithm> algorithm = state.requireUpload(call.key(), uploadId).checksumAlgorithm();
        known.remember(call.swift(), call.bucket(), call.key(), uploadId, algorithm);
        return algorithm;
    }

    /**
     * After the attempt's segment is stored: an upload no longer in progress (aborted or completed meanwhile, or
     * before, when its marker was not read) gets NoSuchUpload, and the attempt deletes its own segment unless the
     * completed object names it ({@link LateAttempt}).
     */
    private void requireStillOpen(S3Call call, UploadState state, UploadId uploadId, String segment)
            throws SwiftException {
        if (!state.isOpen(call.key(), uploadId)) {
            LateAttempt.discard(call.swift(), state, call.bucket(), call.key(), uploadId, segment);
            throw gone(call, uploadId);
        }
    }

    private S3Exception gone(S3Call call, UploadId uploadId) {
        known.forget(call.swift(), call.bucket(), call.key(), uploadId);
        return S3Exception.noSuchUpload(uploadId.value());
    }

    /** One page of parts, the latest attempt of each, one Swift listing call in the usual case ({@link PartsPage}). */
    public S3Response listParts(S3Call call) {
        return S3Failures.forCall(call, () -> list(call));
    }

    private S3Response list(S3Call call) throws SwiftException {
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        int maxParts = ListingParameters.count(call.request(), "max-parts", settings.maxPartsListing(),
                settings.maxPartsListing());
        int marker = ListingParameters.count(call.request(), "part-number-marker", 0, PartNumbers.MAX);
        UploadState state = new UploadState(call.swift(), call.bucket());
        UploadInfo upload = state.requireUpload(call.key(), uploadId);
        PartsPage page = PartsPage.read(uploadId, marker, maxParts,
                query -> call.swift().containers().listObjects(state.container(), query).entries());
        ListPartsResult result = new ListPartsResult(call.bucket(), call.key(), uploadId.value())
                .partNumberMarker(marker)
                .nextPartNumberMarker(page.lastPartNumber() == null ? marker : page.lastPartNumber())
                .maxParts(maxParts)
                .truncated(page.truncated())
                .initiator(UploadInitiators.initiator(call, upload.initiatorId(), upload.initiator()))
                .owner(UploadInitiators.owner(call, upload.initiatorId()))
                .storageClass("STANDARD")
                .checksumAlgorithm(upload.checksumAlgorithm().map(DigestAlgorithm::awsName).orElse(null))
                .checksumType(upload.checksumType() == null ? null : upload.checksumType().name());
        for (StoredPart part : page.parts()) {
            ListPartsResult.Part listed = new ListPartsResult.Part(part.number(), part.lastModified(),
                    MultipartEtag.quote(part.md5Hex()), part.size());
            if (part.checksum() != null) {
                listed.checksum(part.checksum().algorithm().awsName(), part.checksum().base64());
            }
            result.addPart(listed);
        }
        return S3Response.xml(result);
    }

    private int partNumber(S3Call call) {
        int number = PartNumbers.parse(call.request().param("partNumber").orElse(null));
        if (number > settings.maxPartNumber()) {
            throw S3Exception.invalidPartNumber(Integer.toString(number));
        }
        return number;
    }

    private static S3Exception bodyFailure(IOException e) {
        return S3Failures.findIn(e).orElseGet(S3Exception::incompleteBody);
    }

    static Instant lastModified(SwiftReply reply) {
        String value = reply.header("Last-Modified");
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
