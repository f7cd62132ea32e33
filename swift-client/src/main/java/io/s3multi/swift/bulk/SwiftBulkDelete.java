package io.s3multi.swift.bulk;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.auth.AuthorizedSession;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.RequestBody;
import io.s3multi.swift.http.SwiftRequest;
import io.s3multi.swift.http.SwiftResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Deletes many objects of one account with Swift's bulk middleware: {@code POST <account>?bulk-delete},
 * a {@code text/plain} body of encoded {@code /container/object} paths, one per line, and a JSON result.
 *
 * <p>Paths are taken from an {@link Iterable} lazily and sent in batches no larger than Swift's
 * {@code max_deletes_per_request} (and never more than 1000, which keeps each request body small); the
 * results are summed. Swift deletes the objects of one batch concurrently, so their order is not kept.
 */
public final class SwiftBulkDelete {

    /** The most paths per request, whatever Swift allows: bounds the body held in memory. */
    public static final int MAX_BATCH = 1000;

    private final AuthorizedSession session;
    private final IntSupplier maxDeletesPerRequest;

    /** @param maxDeletesPerRequest Swift's {@code bulk_delete.max_deletes_per_request} from {@code /info} */
    public SwiftBulkDelete(AuthorizedSession session, IntSupplier maxDeletesPerRequest) {
        this.session = session;
        this.maxDeletesPerRequest = maxDeletesPerRequest;
    }

    /**
     * Deletes every object named, in as many requests as needed.
     *
     * @throws io.s3multi.swift.error.SwiftHttpStatusException when a request fails as a whole (bulk delete not enabled, Swift
     *                                  refusing the batch); objects of earlier batches stay deleted
     */
    public BulkDeleteResult delete(Iterable<ObjectPath> objects) throws SwiftException {
        int batchSize = Math.max(1, Math.min(MAX_BATCH, maxDeletesPerRequest.getAsInt()));
        BulkDeleteResult total = BulkDeleteResult.none();
        Iterator<ObjectPath> remaining = objects.iterator();
        List<ObjectPath> batch = new ArrayList<>(Math.min(batchSize, 64));
        while (remaining.hasNext()) {
            batch.add(remaining.next());
            if (batch.size() == batchSize || !remaining.hasNext()) {
                total = total.plus(deleteBatch(batch));
                batch.clear();
            }
        }
        return total;
    }

    private BulkDeleteResult deleteBatch(List<ObjectPath> batch) throws SwiftException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(batch.size() * 64);
        for (ObjectPath path : batch) {
            lines.writeBytes(path.encoded().getBytes(StandardCharsets.US_ASCII));
            lines.write('\n');
        }
        SwiftRequest request = SwiftRequest.builder("POST", "")
                .flag("bulk-delete")
                .header("Content-Type", "text/plain")
                .header("Accept", "application/json")
                .body(RequestBody.bytes(lines.toByteArray()))
                .build();
        try (SwiftResponse response = session.send(request).orThrow()) {
            return BulkResultDocument.read(response.body(), response.describeRequest()).toDeleteResult(response);
        }
    }
}
