package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket registry kept in Swift, in an account that belongs to the gateway (configured as
 * {@code filter.s3api.bucket_registry_user} / {@code bucket_registry_key}).
 *
 * <p>Its layout, a storage contract, is {@link RegistryLayout}: a container per bucket name, naming the owner in
 * {@link RegistryLayout#OWNER_HEADER}, holding {@link RegistryLayout#CREATED} and {@link RegistryLayout#HOLDS}
 * objects.
 *
 * <h2>Claims: why a container per name</h2>
 * A claim must let exactly one of two accounts racing for a name win. An object PUT with
 * {@code If-None-Match: *} does not: Swift's object server checks the condition when the request starts and
 * writes when it ends, so two overlapping PUTs both succeed (the test that races two accounts saw it). Creating
 * a container does: the container server creates its database under a directory lock and answers 201 only to
 * the request that created it, 202 to every other (with several replicas the proxy answers 201 only when every
 * replica it heard from was created by this request). So a claim is:
 * <ol>
 *   <li>{@code PUT} the container named after the bucket, without metadata (a PUT would overwrite the metadata
 *       of an existing container);</li>
 *   <li>201: this request created it; {@code POST} the owner. 202: it existed; {@code HEAD} it for the owner,
 *       waiting briefly if the creator has not written the owner yet.</li>
 * </ol>
 * One window is left: a name whose registry container was deleted less than Swift's {@code reclaim_age} ago
 * is "recreated", and Swift answers 201 to both of two exactly simultaneous PUTs. A claim therefore reads the
 * owner back after writing it and gives up when another account's write won; only two POSTs landing in
 * the same few milliseconds can still both pass.
 *
 * <h2>Releasing: why objects in the record</h2>
 * Several CreateBucket requests of one account may rely on one claim: the one that claimed the name and any that
 * found it already theirs. When the claimer fails (a user who may not create containers), it must forget the
 * name only if no other request succeeded or is still working on it, and Swift has no compare-and-delete, except
 * one: a container that holds objects cannot be deleted (409). So every create {@linkplain #hold holds} the
 * record with an object of its own while it works, a successful one leaves {@code created} behind
 * ({@link #settle}), and a failed claimer deletes its hold and then the record, which Swift refuses while any
 * other object is in it ({@link #forgetUnlessHeld}). A create whose hold finds the record gone (a failed claimer
 * got there first) claims the name again. DeleteBucket deletes {@code created} and then the record; a create of
 * the same account holding it meanwhile keeps it.
 *
 * <p>The registry user's credentials never leave the gateway, and S3 users cannot reach its account.
 */
public final class SwiftBucketRegistry implements BucketRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SwiftBucketRegistry.class);
    private static final int OWNER_POLLS = 20;
    private static final Duration OWNER_POLL_INTERVAL = Duration.ofMillis(50);

    private final SwiftAccount registry;

    /** @param registry the gateway's own account, with a token that may create containers in it */
    public SwiftBucketRegistry(SwiftAccount registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Claim claim(String bucket, String account) throws SwiftException {
        SwiftReply created = registry.containers().create(bucket, SwiftHeaders.empty());
        if (created.status() == 201) {
            registry.containers().post(bucket, SwiftHeaders.of(RegistryLayout.OWNER_HEADER, account));
            Optional<String> owner = ownerOf(bucket);
            return owner.isEmpty() || owner.get().equals(account) ? Claim.CLAIMED : Claim.TAKEN;
        }
        for (int poll = 0; poll < OWNER_POLLS; poll++) {
            Optional<String> owner = ownerOf(bucket);
            if (owner.isPresent()) {
                return owner.get().equals(account) ? Claim.ALREADY_YOURS : Claim.TAKEN;
            }
            pause();
        }
        LOG.warn("registry container {} has no {} (a claim that never finished?); the name stays taken until an"
                + " operator deletes that container", bucket, RegistryLayout.OWNER_HEADER);
        return Claim.TAKEN;
    }

    @Override
    public Optional<String> hold(String bucket) throws SwiftException {
        String hold = RegistryLayout.HOLDS + UUID.randomUUID();
        return S3Failures.unlessNotFound(() -> {
            registry.objects().put(bucket, hold, new byte[0], SwiftHeaders.empty());
            return hold;
        });
    }

    @Override
    public void settle(String bucket, String hold) throws SwiftException {
        registry.objects().put(bucket, RegistryLayout.CREATED, new byte[0], SwiftHeaders.empty());
        drop(bucket, hold);
    }

    @Override
    public void drop(String bucket, String hold) throws SwiftException {
        deleteIfPresent(bucket, hold);
    }

    @Override
    public void forgetUnlessHeld(String bucket) throws SwiftException {
        try {
            registry.containers().delete(bucket);
        } catch (SwiftHttpStatusException failure) {
            // 409: another create holds it or made the bucket; 404: gone already
            if (failure.status() != 409 && failure.status() != 404) {
                throw failure;
            }
        }
    }

    @Override
    public Optional<String> ownerOf(String bucket) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.containers().head(bucket))
                .map(reply -> reply.header(RegistryLayout.OWNER_HEADER))
                .filter(owner -> !owner.isEmpty());
    }

    /** One listing of the record: its headers name the owner, its top-level objects the documents. */
    @Override
    public Optional<Summary> summary(String bucket) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.containers().listObjects(bucket,
                        ListingQuery.all().withDelimiter("/")))
                .flatMap(page -> {
                    String owner = page.headers().get(RegistryLayout.OWNER_HEADER);
                    if (owner == null || owner.isEmpty()) {
                        return Optional.empty();
                    }
                    Set<String> names = page.entries().stream().map(ObjectEntry::name).collect(Collectors.toSet());
                    Set<Document> present = EnumSet.noneOf(Document.class);
                    for (Document kind : Document.values()) {
                        if (names.contains(kind.object())) {
                            present.add(kind);
                        }
                    }
                    return Optional.of(new Summary(owner, present));
                });
    }

    @Override
    public Optional<byte[]> document(String bucket, Document kind) throws SwiftException {
        return S3Failures.unlessNotFound(() -> {
            SwiftResponse stored = registry.objects().get(bucket, kind.object(), SwiftHeaders.empty());
            try (stored) {
                return stored.body().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + kind.object() + " of " + bucket, e);
            }
        });
    }

    @Override
    public boolean storeDocument(String bucket, Document kind, byte[] content) throws SwiftException {
        return S3Failures.unlessNotFound(() -> registry.objects().put(bucket, kind.object(), content,
                SwiftHeaders.empty())).isPresent();
    }

    @Override
    public void deleteDocument(String bucket, Document kind) throws SwiftException {
        deleteIfPresent(bucket, kind.object());
    }

    @Override
    public void release(String bucket, String account) throws SwiftException {
        if (!ownerOf(bucket).filter(account::equals).isPresent()) {
            return;
        }
        for (Document kind : Document.values()) {
            deleteIfPresent(bucket, kind.object());
        }
        deleteBackgroundState(bucket);
        deleteIfPresent(bucket, RegistryLayout.CREATED);
        try {
            registry.containers().delete(bucket);
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 409) {
                LOG.info("the registry record of {} stays: a CreateBucket of {} holds it", bucket, account);
            } else if (failure.status() != 404) {
                throw failure;
            }
        }
    }

    /** The background jobs' leases and checkpoints, which would keep the record from being deleted. */
    private void deleteBackgroundState(String bucket) throws SwiftException {
        List<String> state = new ArrayList<>();
        ListingCursor<ObjectEntry> record = registry.containers().listAllObjects(bucket, ListingQuery.all());
        while (record.hasMorePages()) {
            record.nextPage().entries().stream().map(ObjectEntry::name)
                    .filter(name -> name.startsWith(RegistryLayout.LEASES)
                            || name.startsWith(RegistryLayout.CHECKPOINTS))
                    .forEach(state::add);
        }
        for (String object : state) {
            deleteIfPresent(bucket, object);
        }
    }

    private void deleteIfPresent(String bucket, String object) throws SwiftException {
        S3Failures.ignoringNotFound(() -> registry.objects().delete(bucket, object, SwiftHeaders.empty()));
    }

    private static void pause() {
        try {
            Thread.sleep(OWNER_POLL_INTERVAL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
