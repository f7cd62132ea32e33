package io.s3multi.s3.handler;

import io.s3multi.s3.handler.bucket.BucketsPage;
import io.s3multi.s3.handler.bucket.ContinuationToken;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.s3.request.BucketNames;
import io.s3multi.s3.xml.documents.ListAllMyBucketsResult;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * ListBuckets: the containers of the identity's Swift account that are S3 buckets.
 *
 * <p>Every page of the account listing is read (an account holds few containers compared to a container's
 * objects; S3's ListBuckets answers all buckets in one document). Only names that are valid S3 bucket names
 * are shown: the {@code <bucket>_segments} containers of multipart uploads, and any container made with the
 * Swift API under a name S3 cannot address, never appear. {@code CreationDate} is the container's
 * {@code last_modified} from the listing (Swift updates it when the container's metadata changes; S3 clients
 * only display it), or, from a Swift that does not list it, the {@code X-Timestamp} of a HEAD.
 *
 * <p>Paginated ListBuckets ({@code max-buckets}, {@code prefix}, {@code continuation-token}, see
 * {@link BucketsPage}) reads the account listing from the prefix and after the token's name, only until the page
 * is full and one more bucket shows that it is truncated.
 */
public final class ServiceHandler {

    private final S3ApiSettings settings;

    public ServiceHandler(S3ApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public S3Response listBuckets(S3Call call) {
        S3Identity identity = call.identity();
        BucketsPage page = BucketsPage.of(call.request());
        var result = new ListAllMyBucketsResult(new Owner(identity.ownerId(), identity.displayName()))
                .prefix(page.prefix());
        return S3Failures.mapped(SwiftStatusMapper.Target.account(), () -> {
            ListingQuery query = ListingQuery.all().withPrefix(page.prefix()).withMarker(page.after());
            ListingCursor<ContainerEntry> containers = call.swift().containers().listAllContainers(query);
            int listed = 0;
            String last = null;
            while (containers.hasMorePages()) {
                for (ContainerEntry container : containers.nextPage().entries()) {
                    if (container.isSubdir() || !BucketNames.isValid(container.name())) {
                        continue;
                    }
                    if (listed == page.maxBuckets()) {
                        return S3Response.xml(result.continuationToken(ContinuationToken.encode(last)));
                    }
                    result.addBucket(container.name(), creationDate(call, container));
                    listed++;
                    last = container.name();
                }
            }
            return S3Response.xml(result);
        });
    }

    private static Instant creationDate(S3Call call, ContainerEntry container) throws SwiftException {
        if (container.lastModified() != null) {
            return container.lastModified();
        }
        try {
            String timestamp = call.swift().containers().head(container.name()).header("X-Timestamp");
            return timestamp == null ? Instant.EPOCH : fromSwiftTimestamp(timestamp);
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 404) {
                return Instant.EPOCH;  // deleted since the listing; shown as the listing had it
            }
            throw failure;
        }
    }

    /** Swift's {@code X-Timestamp}: seconds since the epoch with a fraction, e.g. {@code 1700000000.12345}. */
    static Instant fromSwiftTimestamp(String timestamp) {
        BigDecimal seconds = new BigDecimal(timestamp.strip().split("_")[0]);
        return Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
}
