package io.s3multi.s3.handler.bucket;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bucket registry kept in Swift, in an account that belongs to the gateway (configured as
 * {@code filter.s3api.bucket_registry_user} / {@code bucket_registry_key}).
 *
 * <h2>Layout (a storage contract)</h2>
 * <pre>
 * account of the registry user (e.g. AUTH_s3multi)
 *   container s3multi_buckets                    created on first use
 *     object &lt;bucket name&gt;                       one per bucket created through the gateway
 *       body                     the owner's Swift account, e.g. "AUTH_test" (UTF-8)
 *       X-Object-Meta-Owner-Account: AUTH_test   the same, read back by HEAD
 * </pre>
 *
 * <h2>Atomic claims</h2>
 * A claim is a PUT with {@code If-None-Match: *}: Swift's object server refuses to overwrite an existing object
 * with 412, so of two accounts racing for one name exactly one creates the record; the loser reads the
 * record's owner. (Within one Swift cluster this holds as long as the object's primary nodes are reachable;
 * during a network partition Swift's eventual consistency may let two writers through, the same limit every
 * Swift-side uniqueness check has.)
 *
 * <p>The registry user needs its own account; its credentials never leave the gateway, and S3 users cannot
 * reach it: its name contains {@code _}, which no bucket name may.
 */
public final class SwiftBucketRegistry implements BucketRegistry {

    /** The container of the registry account that holds one object per bucket. */
    public static final String CONTAINER = "s3multi_buckets";

    /** The metadata header that names the owning account. */
    public static final String OWNER_HEADER = "X-Object-Meta-Owner-Account";

    private static final Logger LOG = LoggerFactory.getLogger(SwiftBucketRegistry.class);

    private final SwiftAccount registry;

    /** @param registry the gateway's own account, with a token that may create containers in it */
    public SwiftBucketRegistry(SwiftAccount registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Claim claim(String bucket, String account) throws SwiftException {
        SwiftHeaders record = SwiftHeaders.of("If-None-Match", "*", "Content-Type", "text/plain; charset=utf-8",
                OWNER_HEADER, account);
        byte[] body = account.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            try {
                registry.objects().put(CONTAINER, bucket, body, record);
                return Claim.CLAIMED;
            } catch (SwiftHttpStatusException failure) {
                if (failure.status() == 404 && attempt == 0) {
                    LOG.info("creating the bucket registry container {}", CONTAINER);
                    registry.containers().create(CONTAINER, SwiftHeaders.empty());
                    continue;
                }
                if (failure.status() != 412 || attempt > 2) {
                    throw failure;
                }
                Optional<String> owner = ownerOf(bucket);
                if (owner.isPresent()) {
                    return owner.get().equals(account) ? Claim.ALREADY_YOURS : Claim.TAKEN;
                }
                // released between our PUT and our HEAD: try again
            }
        }
    }

    @Override
    public Optional<String> ownerOf(String bucket) throws SwiftException {
        try {
            SwiftReply record = registry.objects().head(CONTAINER, bucket, SwiftHeaders.empty());
            return Optional.ofNullable(record.header(OWNER_HEADER));
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 404) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    @Override
    public void release(String bucket, String account) throws SwiftException {
        if (!ownerOf(bucket).filter(account::equals).isPresent()) {
            return;
        }
        try {
            registry.objects().delete(CONTAINER, bucket, SwiftHeaders.empty());
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() != 404) {
                throw failure;
            }
        }
    }
}
