package io.s3multi.s3.processing;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;

/**
 * The bytes an upload will publish, read part by part from {@code <bucket>_segments}: one segment open at a time,
 * handed on in chunks, never whole in memory.
 */
final class AssembledObject {

    /** Receives the object's bytes in order; {@code startPart} comes before each part's bytes. */
    interface Reader {
        default void startPart(StoredPart part) {
        }

        void bytes(byte[] chunk, int length) throws IOException;

        default void endPart(StoredPart part) throws IOException {
        }
    }

    static final int CHUNK = 64 * 1024;

    private AssembledObject() {
    }

    static void read(ProcessedUpload upload, Reader reader) throws SwiftException, IOException {
        String container = SegmentsLayout.container(upload.bucket());
        byte[] chunk = new byte[CHUNK];
        for (StoredPart part : upload.parts()) {
            reader.startPart(part);
            try (SwiftResponse segment = upload.swift().objects().get(container, part.segment(),
                    SwiftHeaders.empty())) {
                var in = segment.body();
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    if (read > 0) {
                        reader.bytes(chunk, read);
                    }
                }
            }
            reader.endPart(part);
        }
    }
}
