package io.s3multi.s3.tus;

import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.multipart.UploadInitiators;
import io.s3multi.s3.multipart.UploadsHandler;
import io.s3multi.s3.processing.BackgroundCompletions;
import io.s3multi.s3.processing.ProcessingStatus;
import io.s3multi.s3.processing.ProcessingSteps;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The tus 1.0.0 operations on uploads stored as s3multi multipart uploads (see the package comment): creation
 * (with upload, with deferred length, concatenation), HEAD, PATCH (checksum), termination.
 */
public final class TusHandler {

    /** The protocol version spoken ({@code Tus-Resumable}, {@code Tus-Version}). */
    public static final String VERSION = "1.0.0";
    /** {@code Tus-Extension}. */
    public static final String EXTENSIONS = "creation,creation-with-upload,creation-defer-length,termination,"
            + "concatenation,checksum,expiration";
    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    /** The processing state of a complete upload (HEAD, and the {@code 202} of {@code Prefer: respond-async}). */
    public static final String PROCESSING_HEADER = "Upload-Processing";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final TusSettings settings;
    private final UploadCapability capability;
    private final MultipartBridge multipart;
    private final PatchLocks locks;
    private final ProcessingSteps processing;
    private final TusCompletions completions;

    /**
     * @param completion the multipart completion, with a minimum part size of 0
     * @param claimTimeout when a PATCH's claim counts as abandoned ({@code filter.s3multi.claim_timeout}: the
     *                   completion's, whose lock it shares)
     * @param processing the steps that completion runs, whose state HEAD shows
     * @param background where completions run after a {@code 202} ({@code Prefer: respond-async}) or a HEAD that
     *                   resumes one
     */
    public TusHandler(TusSettings settings, UploadCapability capability,
            io.s3multi.s3.multipart.CompletionHandler completion, Duration claimTimeout, ProcessingSteps processing,
            BackgroundCompletions background) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locks = new PatchLocks(Duration.ofSeconds(3), claimTimeout);
        this.capability = Objects.requireNonNull(capability, "capability");
        this.multipart = new MultipartBridge(completion);
        this.processing = Objects.requireNonNull(processing, "processing");
        this.completions = new TusCompletions(background);
    }

    /** The OPTIONS answer: what this server speaks. */
    public static TusAnswer discovery(long maxSize) {
        return new TusAnswer(204).with("Tus-Version", VERSION).with("Tus-Extension", EXTENSIONS)
                .with("Tus-Max-Size", Long.toString(maxSize)).with("Tus-Checksum-Algorithm", TusChecksum.ADVERTISED);
    }

    public UploadCapability capability() {
        return capability;
    }

    /**
     * POST on the bucket's tus URL: a new upload (or a final one concatenated from partial uploads).
     *
     * @param account    the Swift account the bucket is in
     * @param locationOf the URL of an upload, for {@code Location}
     */
    public TusAnswer create(TusCall call, String account, String bucket, Function<TusUploadRef, String> locationOf)
            throws SwiftException, IOException {
        String concat = call.header("Upload-Concat");
        if (concat != null && concat.startsWith("final;")) {
            return new Concatenation(this, call, account, bucket).assemble(concat.substring("final;".length()),
                    locationOf);
        }
        if (concat != null && !concat.equals("partial")) {
            throw new TusException(400, "Upload-Concat: partial or final;<urls>");
        }
        OptionalLong length = creationLength(call);
        TusMetadata metadata = TusMetadata.parse(call.header("Upload-Metadata"));
        Instant now = call.clock().instant();
        UploadId uploadId = UploadId.newId(now);
        String key = ObjectKeys.requireValid(settings.keyPrefix() + metadata.filename().orElse(uploadId.value()));
        TusUploadRef ref = new TusUploadRef(account, bucket, key, uploadId);
        TusUpload upload = begin(call, ref, length, metadata, call.header("Upload-Metadata"), concat != null);
        TusAnswer answer = new TusAnswer(201).with("Location", locationOf.apply(ref));
        expiresHeader(upload).ifPresent(value -> answer.with("Upload-Expires", value));
        boolean withUpload = OFFSET_OCTET_STREAM.equals(mediaType(call.header("Content-Type")))
                && call.contentLength() != 0;
        if (withUpload || length.equals(OptionalLong.of(0))) {
            TusProgress progress = append(call, ref, upload, new TusProgress(0, List.of(), 1));
            answer.with("Upload-Offset", Long.toString(progress.offset()));
            return finishIfComplete(call, ref, upload, progress, answer);
        }
        return answer;
    }

    /** Stores the marker of a new upload. */
    TusUpload begin(TusCall call, TusUploadRef ref, OptionalLong length, TusMetadata metadata, String rawMetadata,
            boolean partial) {
        Instant now = call.clock().instant();
        UploadInfo info = new UploadInfo(ref.key(), ref.uploadId(), metadata.contentType().orElse(null), Map.of(),
                metadata.userMetadata(), Optional.empty(), null, call.identity().displayName(), TagSet.empty(),
                ObjectLockState.NONE, SwiftHeaders.empty(), UploadInitiators.idOf(call.identity()));
        Optional<Instant> expires = settings.expiration().isZero() ? Optional.empty()
                : Optional.of(now.plus(settings.expiration()));
        TusUpload upload = new TusUpload(info, length, rawMetadata == null ? "" : rawMetadata.trim(), partial,
                expires);
        UploadsHandler.storeMarker(MultipartBridge.s3Call(call, ref), ref.key(), ref.uploadId(),
                upload.markerHeaders(), bucket -> { });
        return upload;
    }

    /** HEAD on an upload's URL. */
    public TusAnswer head(TusCall call, TusUploadRef ref) throws SwiftException {
        TusUploads uploads = new TusUploads(call, ref);
        Optional<TusUpload> open = uploads.inProgress();
        if (open.isEmpty()) {
            Optional<Long> size = uploads.publishedSize();
            if (size.isEmpty()) {
                return rejectedOrUnknown(call, ref);
            }
            TusAnswer answer = new TusAnswer(200).with("Upload-Offset", Long.toString(size.get()))
                    .with("Upload-Length", Long.toString(size.get())).with("Cache-Control", "no-store");
            return processing.isEmpty() ? answer : answer.with(PROCESSING_HEADER, "published");
        }
        TusUpload upload = requireLive(call, open.get());
        TusProgress progress = uploads.progress();
        long offset = progress.offset();
        TusAnswer answer = new TusAnswer(200)
                .with("Upload-Offset", Long.toString(offset))
                .with("Cache-Control", "no-store");
        if (isComplete(upload, progress) && !processing.isEmpty()) {
            processingState(call, ref, progress, answer);
        }
        if (upload.length().isPresent()) {
            answer.with("Upload-Length", Long.toString(upload.length().getAsLong()));
        } else {
            answer.with("Upload-Defer-Length", "1");
        }
        if (!upload.metadata().isEmpty()) {
            answer.with("Upload-Metadata", upload.metadata());
        }
        if (upload.partial()) {
            answer.with("Upload-Concat", "partial");
        }
        expiresHeader(upload).ifPresent(value -> answer.with("Upload-Expires", value));
        return answer;
    }

    /**
     * Every byte is there and steps are configured: {@code Upload-Processing: rejected; step=<step>;
     * reason="<reason>"} for an upload a step rejected (and kept), else {@code processing[; step=<step>]}. A
     * completion that no gateway runs any more (its gateway died, or a step had no verdict) is resumed here, in the
     * background: the processing state in Swift says where; so polling the status URL finishes the upload. One that
     * failed here is resumed again only after a back-off ({@link TusCompletions}).
     */
    private void processingState(TusCall call, TusUploadRef ref, TusProgress progress, TusAnswer answer)
            throws SwiftException {
        ProcessingStatus status = processing.status(call.swift(), ref.bucket(), ref.uploadId());
        if (status.state() == ProcessingStatus.State.REJECTED) {
            answer.with(PROCESSING_HEADER, describe(status));
            return;
        }
        answer.with(PROCESSING_HEADER, status.state() == ProcessingStatus.State.PROCESSING ? describe(status)
                : "processing");
        if (!completions.isRunning(ref)) {
            TusCall detached = call.detached();
            completions.resumeInBackground(ref, () -> multipart.complete(detached, ref, progress.parts()));
        }
    }

    /**
     * Neither an upload in progress nor its object: 410 with {@code Upload-Processing: rejected; ...} when steps
     * rejected it and it was deleted (its processing state stays until the sweeper removes it), else 404.
     */
    private TusAnswer rejectedOrUnknown(TusCall call, TusUploadRef ref) throws SwiftException {
        if (!processing.isEmpty()) {
            ProcessingStatus status = processing.status(call.swift(), ref.bucket(), ref.uploadId());
            if (status.state() == ProcessingStatus.State.REJECTED) {
                return new TusAnswer(410).with(PROCESSING_HEADER, describe(status)).with("Cache-Control", "no-store");
            }
        }
        throw new TusException(404, "no such upload");
    }

    private static String describe(ProcessingStatus status) {
        return status.state().name().toLowerCase(java.util.Locale.ROOT)
                + (status.step().isEmpty() ? "" : "; step=" + status.step())
                + (status.reason().isEmpty() ? "" : "; reason=\"" + status.reason().replace("\"", "'") + "\"");
    }

    /** PATCH on an upload's URL: the bytes at {@code Upload-Offset}. */
    public TusAnswer patch(TusCall call, TusUploadRef ref) throws SwiftException, IOException {
        if (!OFFSET_OCTET_STREAM.equals(mediaType(call.header("Content-Type")))) {
            throw new TusException(415, "Content-Type must be " + OFFSET_OCTET_STREAM);
        }
        long offset = parseLength(call.header("Upload-Offset"), "Upload-Offset")
                .orElseThrow(() -> new TusException(400, "Upload-Offset missing"));
        Optional<AutoCloseable> lock = locks.tryLock(call, ref);
        if (lock.isEmpty()) {
            throw new TusException(423, "another PATCH of this upload is in progress");
        }
        try (AutoCloseable held = lock.get()) {
            TusUploads uploads = new TusUploads(call, ref);
            TusUpload upload = requireLive(call, uploads.requireInProgress());
            upload = declareLength(call, ref, upload);
            TusProgress progress = uploads.progress();
            if (progress.offset() != offset) {
                throw new TusException(409, "Upload-Offset " + offset + " is not the upload's offset "
                        + progress.offset());
            }
            TusProgress after = append(call, ref, upload, progress);
            TusAnswer answer = new TusAnswer(204).with("Upload-Offset", Long.toString(after.offset()));
            expiresHeader(upload).ifPresent(value -> answer.with("Upload-Expires", value));
            return finishIfComplete(call, ref, upload, after, answer);
        } catch (IOException | RuntimeException failure) {
            throw failure;
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        }
    }

    /** Stores the request body after {@code progress}. */
    private TusProgress append(TusCall call, TusUploadRef ref, TusUpload upload, TusProgress progress)
            throws SwiftException, IOException {
        long room = upload.length().isPresent() ? upload.length().getAsLong() - progress.offset()
                : settings.maxSize() - progress.offset();
        if (call.contentLength() > room) {
            throw new TusException(413, "the body goes past Upload-Length");
        }
        TusUploads uploads = new TusUploads(call, ref);
        PatchBody body = new PatchBody(call.body(), call.contentLength(), room,
                TusChecksum.parse(call.header("Upload-Checksum")));
        // An empty body stores nothing, except the one empty part an empty upload's object is made of.
        boolean emptyUpload = upload.length().equals(OptionalLong.of(0)) && progress.parts().isEmpty();
        return call.contentLength() == 0 && !emptyUpload ? progress
                : new PatchWriter(call, ref, uploads, settings).write(progress, body);
    }

    /**
     * When {@code after} holds the upload's last byte, publishes it (through the processing steps): before the
     * answer, or, with {@code Prefer: respond-async} and steps configured, after it: then the answer is {@code 202}
     * with {@code Upload-Processing: processing}, and HEAD on the upload's URL (its {@code Location}) shows how
     * processing goes.
     */
    private TusAnswer finishIfComplete(TusCall call, TusUploadRef ref, TusUpload upload, TusProgress after,
            TusAnswer answer) {
        if (!isComplete(upload, after)) {
            return answer;
        }
        if (!processing.isEmpty() && TusCompletions.prefersAsync(call.header("Prefer"))) {
            TusCall detached = call.detached();
            if (completions.inBackground(ref, () -> multipart.complete(detached, ref, after.parts()))) {
                return answer.accepted().with("Preference-Applied", "respond-async")
                        .with(PROCESSING_HEADER, "processing");
            }
        }
        completions.now(ref, () -> multipart.complete(call, ref, after.parts()));
        return answer;
    }

    /** Whether every byte of a (non-partial) upload is stored, so it is to be published. */
    private static boolean isComplete(TusUpload upload, TusProgress progress) {
        return !upload.partial() && upload.length().isPresent() && progress.offset() == upload.length().getAsLong();
    }

    /** DELETE on an upload's URL (termination). */
    public TusAnswer terminate(TusCall call, TusUploadRef ref) {
        try {
            multipart.abort(call, ref);
        } catch (io.s3multi.s3.error.S3Exception failure) {
            if (MultipartBridge.isNoSuchUpload(failure)) {
                throw new TusException(404, "no such upload in progress");
            }
            throw failure;
        }
        return new TusAnswer(204);
    }

    /** Deletes a partial upload once concatenated; see {@link Concatenation}. */
    void discardPartial(TusCall call, TusUploadRef ref) {
        multipart.abort(call, ref);
    }

    void complete(TusCall call, TusUploadRef ref, List<io.s3multi.s3.contract.StoredPart> parts) {
        multipart.complete(call, ref, parts);
    }

    TusSettings settings() {
        return settings;
    }

    private TusUpload requireLive(TusCall call, TusUpload upload) {
        if (upload.expiredAt(call.clock().instant())) {
            throw new TusException(410, "the upload expired");
        }
        return upload;
    }

    /** With deferred length, the first request that names {@code Upload-Length} fixes it (on the marker). */
    private TusUpload declareLength(TusCall call, TusUploadRef ref, TusUpload upload) throws SwiftException {
        OptionalLong declared = parseLength(call.header("Upload-Length"), "Upload-Length");
        if (declared.isEmpty()) {
            return upload;
        }
        if (upload.length().isPresent()) {
            if (upload.length().getAsLong() != declared.getAsLong()) {
                throw new TusException(400, "Upload-Length cannot change");
            }
            return upload;
        }
        requireWithinMax(declared.getAsLong());
        TusUpload known = upload.withLength(declared.getAsLong());
        TusUploads uploads = new TusUploads(call, ref);
        call.swift().objects().post(uploads.state().container(),
                io.s3multi.s3.contract.SegmentsLayout.marker(ref.key(), ref.uploadId()), known.markerHeaders());
        return known;
    }

    private OptionalLong creationLength(TusCall call) {
        OptionalLong length = parseLength(call.header("Upload-Length"), "Upload-Length");
        boolean deferred = "1".equals(call.header("Upload-Defer-Length"));
        if (call.header("Upload-Defer-Length") != null && !deferred) {
            throw new TusException(400, "Upload-Defer-Length must be 1");
        }
        if (length.isPresent() == deferred) {
            throw new TusException(400, "exactly one of Upload-Length and Upload-Defer-Length: 1 is needed");
        }
        length.ifPresent(this::requireWithinMax);
        return length;
    }

    void requireWithinMax(long length) {
        if (length > settings.maxSize()) {
            throw new TusException(413, "Upload-Length exceeds Tus-Max-Size " + settings.maxSize());
        }
    }

    static OptionalLong parseLength(String value, String header) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(parsed);
        } catch (NumberFormatException e) {
            throw new TusException(400, header + " must be a non-negative integer");
        }
    }

    static Optional<String> expiresHeader(TusUpload upload) {
        return upload.expires().map(HTTP_DATE::format);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
    }
}
