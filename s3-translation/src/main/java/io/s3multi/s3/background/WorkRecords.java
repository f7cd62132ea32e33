package io.s3multi.s3.background;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ContainerEntry;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The worker's view of the bucket registry's account ({@link RegistryLayout}): which buckets exist and who owns
 * them, and the leases and checkpoints of the background jobs, kept in each bucket's record.
 */
final class WorkRecords {

    private final SwiftAccount registry;
    private final String bucketPrefix;

    /**
     * @param registry     the registry's account, with the registry's own identity
     * @param bucketPrefix only the buckets whose names start with it ({@code ""}: all; tests use their own)
     */
    WorkRecords(SwiftAccount registry, String bucketPrefix) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.bucketPrefix = Objects.requireNonNull(bucketPrefix, "bucketPrefix");
    }

    /** Every bucket the registry knows, in name order (one listing request per 10,000 buckets). */
    List<String> buckets() throws SwiftException {
        List<String> names = new ArrayList<>();
        ListingCursor<ContainerEntry> cursor = registry.containers().listAllContainers(
                ListingQuery.all().withPrefix(bucketPrefix));
        while (cursor.hasMorePages()) {
            cursor.nextPage().entries().forEach(entry -> names.add(entry.name()));
        }
        return names;
    }

    /** The account that owns {@code bucket}, or empty when the record is gone or names none. */
    Optional<String> ownerOf(String bucket) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.containers().head(bucket))
                .map(reply -> reply.header(RegistryLayout.OWNER_HEADER))
                .filter(owner -> !owner.isEmpty());
    }

    /** The lease of {@code job} on {@code bucket}, or empty when there is none (or no record). */
    Optional<LeaseRecord> lease(String bucket, String job) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.objects().head(bucket, RegistryLayout.LEASES + job,
                SwiftHeaders.empty())).map(reply -> LeaseRecord.of(reply.headers()));
    }

    /**
     * Writes the lease; with {@code onlyIfAbsent}, only when there is none yet ({@code If-None-Match: *}, which
     * keeps most but not all racing writers out: Swift checks it before the body arrives).
     *
     * @return false when a lease appeared meanwhile ({@code onlyIfAbsent}) or the record is gone
     */
    boolean writeLease(String bucket, String job, LeaseRecord lease, boolean onlyIfAbsent) throws SwiftException {
        SwiftHeaders headers = onlyIfAbsent ? lease.headers().with("If-None-Match", "*") : lease.headers();
        return S3Failures.unlessStatus(412, () -> S3Failures.unlessNotFound(() -> registry.objects()
                .put(bucket, RegistryLayout.LEASES + job, new byte[0], headers))).flatMap(written -> written)
                .isPresent();
    }

    /** The checkpoint of {@code job} on {@code bucket}, or empty when there is none. */
    Optional<String> checkpoint(String bucket, String job) throws SwiftException {
        Optional<SwiftResponse> stored = S3Failures.unlessNotFound(() -> registry.objects().get(bucket,
                RegistryLayout.CHECKPOINTS + job, SwiftHeaders.empty()).orThrow());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try (SwiftResponse checkpoint = stored.get()) {
            return Optional.of(new String(checkpoint.body().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the checkpoint of " + job + " in " + bucket, e);
        }
    }

    /** @return false when the record is gone */
    boolean saveCheckpoint(String bucket, String job, String position) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.objects().put(bucket, RegistryLayout.CHECKPOINTS + job,
                position.getBytes(StandardCharsets.UTF_8), SwiftHeaders.of("Content-Type", "text/plain"))).isPresent();
    }

    void clearCheckpoint(String bucket, String job) throws SwiftException {
        S3Failures.ignoringNotFound(() -> registry.objects().delete(bucket, RegistryLayout.CHECKPOINTS + job,
                SwiftHeaders.empty()));
    }

    /**
     * Removes the lease and checkpoint of {@code job} from the record of a bucket whose container is gone, and the
     * record itself unless something else is in it (a CreateBucket's hold, {@code created} of a bucket whose
     * container was deleted with the Swift API, another job's lease: Swift refuses to delete a container that holds
     * objects). So a DeleteBucket that raced a lease write leaves no record behind.
     */
    void forgetGoneBucket(String bucket, String job) throws SwiftException {
        S3Failures.ignoringNotFound(() -> registry.objects().delete(bucket, RegistryLayout.LEASES + job,
                SwiftHeaders.empty()));
        clearCheckpoint(bucket, job);
        S3Failures.unlessStatus(409, () -> S3Failures.unlessNotFound(() -> registry.containers().delete(bucket)));
    }
}
