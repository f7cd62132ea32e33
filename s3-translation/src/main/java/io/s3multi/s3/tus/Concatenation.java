package io.s3multi.s3.tus;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.multipart.MultipartEtag;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code concatenation} extension: a final upload made of finished partial uploads, assembled inside Swift.
 * Each segment of each partial becomes a part of the final upload by a server-side copy ({@code X-Copy-From}, no
 * byte through the gateway), the final upload is completed like any other (an SLO at its key, through the
 * multipart completion), and the partial uploads are then deleted.
 *
 * <p>Why copies rather than a manifest naming the partials' segments: every segment then belongs to the upload
 * whose object names it, which is what the storage contract's clean-up (overwrite, delete, sweeper) relies on.
 */
final class Concatenation {

    private final TusHandler handler;
    private final TusCall call;
    private final String account;
    private final String bucket;

    Concatenation(TusHandler handler, TusCall call, String account, String bucket) {
        this.handler = handler;
        this.call = call;
        this.account = account;
        this.bucket = bucket;
    }

    /** @param urls the space-separated URLs of the partial uploads, in order */
    TusAnswer assemble(String urls, Function<TusUploadRef, String> locationOf) throws SwiftException {
        if (call.header("Upload-Length") != null) {
            throw new TusException(400, "a final upload takes no Upload-Length");
        }
        List<TusUploadRef> partials = new ArrayList<>();
        for (String url : urls.trim().split(" +")) {
            partials.add(partial(url));
        }
        if (partials.isEmpty() || partials.get(0).key().isEmpty()) {
            throw new TusException(400, "Upload-Concat: no partial uploads");
        }
        List<StoredPart> sources = new ArrayList<>();
        long length = 0;
        for (TusUploadRef partial : partials) {
            TusUploads uploads = new TusUploads(call, partial);
            TusUpload upload = uploads.inProgress().orElseThrow(() -> new TusException(404,
                    "no such partial upload: " + partial.uploadId()));
            TusProgress progress = uploads.progress();
            if (!upload.partial() || upload.length().isEmpty() || progress.offset() != upload.length().getAsLong()) {
                throw new TusException(400, "upload " + partial.uploadId() + " is not a finished partial upload");
            }
            sources.addAll(progress.parts());
            length += progress.offset();
        }
        if (sources.size() > handler.settings().maxParts()) {
            throw new TusException(413, "the partial uploads have more than " + handler.settings().maxParts()
                    + " segments together");
        }
        handler.requireWithinMax(length);
        TusMetadata metadata = TusMetadata.parse(call.header("Upload-Metadata"));
        UploadId uploadId = UploadId.newId(call.clock().instant());
        String key = ObjectKeys.requireValid(handler.settings().keyPrefix()
                + metadata.filename().orElse(uploadId.value()));
        TusUploadRef target = new TusUploadRef(account, bucket, key, uploadId);
        handler.begin(call, target, OptionalLong.of(length), metadata, call.header("Upload-Metadata"), false);
        handler.complete(call, target, copyParts(target, sources));
        for (TusUploadRef partial : partials) {
            handler.discardPartial(call, partial);
        }
        return new TusAnswer(201).with("Location", locationOf.apply(target))
                .with("Upload-Concat", "final;" + partials.stream().map(locationOf).collect(Collectors.joining(" ")));
    }

    /** Copies each source segment, inside Swift, to the next part of {@code target}. */
    private List<StoredPart> copyParts(TusUploadRef target, List<StoredPart> sources) throws SwiftException {
        String container = SegmentsLayout.container(bucket);
        List<StoredPart> parts = new ArrayList<>();
        int number = 1;
        for (StoredPart source : sources) {
            String segment = SegmentsLayout.part(target.uploadId(), number,
                    PartAttempt.begunAt(call.clock().instant()));
            SwiftReply copied = call.swift().objects().copy(new ObjectPath(container, source.segment()),
                    new ObjectPath(container, segment), SwiftHeaders.builder()
                            .set("Content-Type", PartContentType.of(null)).set("X-Fresh-Metadata", "true").build());
            parts.add(new StoredPart(number, segment, MultipartEtag.normalize(copied.etag()), source.size(),
                    source.lastModified(), null));
            number++;
        }
        return parts;
    }

    /** A partial upload's URL: the same bucket and account, and an id this gateway made. */
    private TusUploadRef partial(String url) {
        String path = URI.create(url.trim()).getRawPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        TusUploadRef ref = handler.capability().verify(bucket, id)
                .orElseThrow(() -> new TusException(404, "not an upload of this bucket: " + url));
        if (!ref.account().equals(account)) {
            throw new TusException(403, "a partial upload of another account: " + url);
        }
        return ref;
    }
}
