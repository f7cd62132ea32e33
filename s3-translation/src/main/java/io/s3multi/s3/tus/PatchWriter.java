package io.s3multi.s3.tus;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.multipart.UploadState;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one PATCH body into segments of {@code <bucket>_segments}: each piece of at most
 * {@link TusSettings#pieceSize()} bytes is the next part of the upload, a segment of its own
 * ({@code parts/<upload id>/<nnnnn>/<attempt>}), sent to Swift as it arrives, never buffered. A broken connection
 * loses the piece under way only (Swift stores nothing of a PUT whose body failed); the pieces before it count.
 *
 * <p>It writes while its PATCH holds the upload's claim ({@link PatchLocks}), and, because Swift cannot make that
 * claim exact, checks after each piece that the piece counts: that the listing's run of oldest attempts
 * ({@link TusProgress}) ends with it. A PATCH that raced another one on the same offset (two claims created within
 * the same moment) and lost finds an older attempt of its part there, deletes its own segment and is answered 409.
 *
 * <p>A checksum mismatch, or a body longer than the upload, deletes every piece this PATCH stored: the chunk is
 * discarded, the offset is as before.
 */
final class PatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PatchWriter.class);

    private final TusCall call;
    private final TusUploadRef upload;
    private final TusUploads uploads;
    private final TusSettings settings;

    PatchWriter(TusCall call, TusUploadRef upload, TusUploads uploads, TusSettings settings) {
        this.call = call;
        this.upload = upload;
        this.uploads = uploads;
        this.settings = settings;
    }

    /**
     * Stores {@code body} from {@code progress} on.
     *
     * @return the progress after it
     */
    TusProgress write(TusProgress progress, PatchBody body) throws SwiftException, IOException {
        UploadState state = uploads.state();
        List<String> written = new ArrayList<>();
        TusProgress now = progress;
        try {
            do {
                if (now.nextPart() > settings.maxParts()) {
                    throw new TusException(413, "the upload has " + settings.maxParts() + " segments, the most it "
                            + "may have (send larger PATCH requests)");
                }
                String segment = SegmentsLayout.part(upload.uploadId(), now.nextPart(),
                        PartAttempt.begunAt(call.clock().instant()));
                SwiftHeaders headers = SwiftHeaders.of("Content-Type", PartContentType.of(null));
                long length = body.nextPieceLength(settings.pieceSize());
                if (length >= 0) {
                    call.swift().objects().put(state.container(), segment, body.piece(length), length, headers);
                } else {
                    call.swift().objects().putChunked(state.container(), segment, body.piece(settings.pieceSize()),
                            headers, null);
                }
                written.add(segment);
                now = uploads.progress();
                if (!now.counts(segment)) {
                    throw new TusException(409, "another request stored these bytes first");
                }
            } while (!body.ended());
            return now;
        } catch (Exception failure) {
            if (causedBy(failure, PatchBody.ChecksumMismatch.class)) {
                discard(written);
                throw new TusException(460, "Checksum Mismatch");
            }
            if (causedBy(failure, PatchBody.TooLong.class)) {
                discard(written);
                throw new TusException(413, "the body goes past Upload-Length");
            }
            if (failure instanceof TusException conflict && conflict.status() == 409) {
                discard(written.subList(written.size() - 1, written.size()));
            }
            throw failure;
        }
    }

    private void discard(List<String> segments) {
        for (String segment : segments) {
            try {
                uploads.state().deleteQuietly(segment);
            } catch (SwiftException e) {
                // The sweeper cannot tell it from a counting part; the next PATCH's offset will include it.
                LOG.warn("could not delete the discarded tus piece {} of {}: {}", segment, upload.uploadId(),
                        e.toString());
            }
        }
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
