package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buckets this gateway saw, less than {@link #TTL} ago, without {@code <bucket>_segments} and without
 * versioning: no object in them can be a completed multipart upload, so a PutObject there has no segments to clean
 * up and need not look at the key it replaces (issue #16 item 4: one Swift request per small PutObject). Thread-safe.
 *
 * <p>Why this is safe (docs/BENCHMARKS.md, "One Swift request per small PutObject"): {@code <bucket>_segments} is
 * created by a bucket's first upload ({@link UploadsHandler#storeMarker}) before any segment exists, and it stays as
 * long as the bucket does. A gateway trusts "no segments container" only within {@link #TTL} of sending the HEAD
 * that found none, so only during that time after the container's creation; {@link #awaitTrusted} makes a Complete
 * write its manifest only after the container's creation time plus {@link #TTL} plus {@link #CLOCK_MARGIN}. Swift
 * stamps a PUT with the time its proxy receives it, so a PutObject that skipped the look (sent within {@link #TTL} of
 * a HEAD that preceded the container) is older than any manifest at its key and cannot replace one.
 *
 * <p>What is known is learnt by a PutObject that looks at its key (nothing known, or known too long ago): one
 * of them at a time per bucket also HEADs the segments container, beside its look at the key, whose answer tells
 * whether the bucket is versioned ({@link #learn}). A segment-free bucket is asked again a little before its answer
 * expires, by a PutObject that still trusts the old answer and looks at its key only for the lesson, beside its PUT:
 * the new answer arrives while the old one is trusted, so steady traffic never finds the bucket unknown. Each answer
 * is trusted only for {@link #TTL} from its own HEAD, so the refresh changes nothing in the race above. A bucket with
 * steady PutObject traffic costs two HEADs per {@link #TTL} (less its lead) and gateway. A versioned bucket is never taken for segment-free: the look at the key also tells
 * whether a write there writes the null version. At most {@value #MAX_BUCKETS} buckets are kept; beyond that the map
 * starts over.
 */
public final class SegmentFreeBuckets {

    /** How long "no segments container" is trusted after the HEAD that found none was sent. */
    public static final Duration TTL = Duration.ofSeconds(1);
    /** Allowance for the clocks of gateways and Swift's proxies, and for a PUT's way to the proxy. */
    public static final Duration CLOCK_MARGIN = Duration.ofSeconds(1);
    /** The cache of this gateway (one per class loader: one per gateway). */
    public static final SegmentFreeBuckets SHARED = new SegmentFreeBuckets(System::nanoTime);

    static final int MAX_BUCKETS = 10_000;
    /** A segment-free bucket is asked again when a quarter of {@link #TTL} is left: 0.25 s for its HEADs to answer. */
    static final int REFRESH_LEAD_DIVISOR = 4;
    private static final Logger LOG = LoggerFactory.getLogger(SegmentFreeBuckets.class);
    /** {@link #TTL}, but for tests ({@link #trustForTests}); zero: nothing is trusted and Completes do not wait. */
    private static volatile Duration trust = TTL;

    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Known> buckets = new ConcurrentHashMap<>();

    /**
     * @param segmentFree the last HEAD of the segments container found none, and the bucket was not versioned
     * @param askedNanos  when that HEAD was sent ({@link System#nanoTime}); {@code learning}: a HEAD is under way
     */
    private record Known(boolean segmentFree, long askedNanos, boolean learning) {
    }

    SegmentFreeBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether {@code bucket} of {@code swift}'s account is known, now, to hold no multipart object and no versions. */
    public boolean segmentFree(SwiftAccount swift, String bucket) {
        String id = id(swift, bucket);
        if (trust.isZero() || id == null) {
            return false;
        }
        Known known = buckets.get(id);
        return known != null && known.segmentFree() && nanoTime.getAsLong() - known.askedNanos() < trust.toNanos();
    }

    /**
     * Starts learning about {@code bucket} on {@code executor} (a HEAD of its segments container), unless another
     * request is learning already or what is known is not yet due (a segment-free answer a quarter of {@link #TTL}
     * before it expires, another one when it expires); empty then. {@code versioned}: starts the look at a key of the
     * bucket, whose answer tells about versioning; called only when learning. The lesson completes normally, whatever
     * it learnt.
     */
    public Optional<CompletableFuture<Void>> learn(SwiftAccount swift, String bucket, Executor executor,
            Supplier<CompletableFuture<Boolean>> versioned) {
        String id = id(swift, bucket);
        long now = nanoTime.getAsLong();
        if (trust.isZero() || id == null || !claim(id, now)) {
            return Optional.empty();
        }
        CompletableFuture<Boolean> segments = CompletableFuture.supplyAsync(() -> {
            try {
                return exists(swift, SegmentsLayout.container(bucket));
            } catch (SwiftException failure) {
                throw new CompletionException(failure);
            }
        }, executor);
        return Optional.of(segments.thenCombine(versioned.get(), (exists, isVersioned) -> !exists && !isVersioned)
                .handle((segmentFree, failure) -> {
                    if (failure != null) {
                        LOG.debug("could not tell whether bucket {} holds segments: {}", bucket, failure.toString());
                    }
                    // The time before the HEAD was sent bounds the trust in its answer.
                    buckets.put(id, new Known(failure == null && segmentFree, now, false));
                    return null;
                }));
    }

    private boolean claim(String id, long now) {
        Known known = buckets.get(id);
        if (known == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear();
            }
            return buckets.putIfAbsent(id, new Known(false, now - 2 * trust.toNanos(), true)) == null;
        }
        // A bucket with segments is asked again once its answer is TTL old (its PutObjects look at their keys
        // meanwhile); a segment-free one a little before, so that its PutObjects never stop trusting while the
        // new answer is on its way (every PutObject in that gap would look at its key).
        long due = known.segmentFree() ? trust.toNanos() - trust.toNanos() / REFRESH_LEAD_DIVISOR : trust.toNanos();
        boolean fresh = now - known.askedNanos() < due;
        return !known.learning() && !fresh
                && buckets.replace(id, known, new Known(known.segmentFree(), known.askedNanos(), true));
    }

    /**
     * Whether a PutObject on this gateway may have skipped its look at a key of {@code bucket} lately: only then does
     * a young upload's Complete wait ({@link #awaitTrusted}). A bucket this gateway never learnt about (every bucket
     * that only sees multipart traffic, such as a fresh bucket's first upload) costs its Completes no wait; what
     * another gateway may have trusted is checked after the Complete ({@link SkippedLookCheck}).
     */
    boolean mayHaveTrusted(SwiftAccount swift, String bucket) {
        String id = id(swift, bucket);
        return id != null && buckets.containsKey(id);
    }

    /** Forgets {@code bucket} (its versioning changed here). */
    public void forget(SwiftAccount swift, String bucket) {
        String id = id(swift, bucket);
        if (id != null) {
            buckets.remove(id);
        }
    }

    /**
     * For tests: {@link Duration#ZERO} (tests that count every request to a fake Swift) makes every PutObject look at
     * its key and no Complete wait, as before this class; a longer time than {@link #TTL} lets a test on a slow
     * machine see requests within it; {@link #TTL} restores the gateway's behaviour. Forgets every bucket.
     */
    public static void trustForTests(Duration time) {
        trust = time;
        SHARED.buckets.clear();
    }

    private static boolean exists(SwiftAccount swift, String container) throws SwiftException {
        try {
            swift.containers().head(container);
            return true;
        } catch (SwiftHttpStatusException status) {
            if (status.status() == 404) {
                return false;
            }
            throw status;
        }
    }

    private static String id(SwiftAccount swift, String bucket) {
        try {
            return swift.storageUrl() + "/" + bucket;
        } catch (SwiftException unknown) {
            return null;
        }
    }

    /**
     * Waits, before a Complete writes its manifest at a key of {@code bucket}, until no PutObject of this gateway can
     * still trust a look that found no {@code <bucket>_segments} (see the class comment). Only an upload younger than
     * {@link #TTL} plus {@link #CLOCK_MARGIN} can be in a segments container that young; for it the container's
     * creation time is read (one HEAD).
     *
     * <p>A bucket this gateway has no knowledge of does not wait ({@link #mayHaveTrusted}): only another gateway can
     * have trusted it, and what that one's PutObjects did is checked after the fact instead ({@link SkippedLookCheck}).
     *
     * @return when that check is due (the upload's creation plus {@link #TTL} plus {@link #CLOCK_MARGIN}), if the
     *         Complete must have it made once its object is written; empty when nothing was or is left to trust
     */
    public static Optional<Instant> awaitTrusted(SwiftAccount swift, String bucket, UploadId upload, Clock clock)
            throws SwiftException {
        Duration wait = trust.plus(CLOCK_MARGIN);
        Instant untrusted = upload.initiated().plus(wait);
        if (trust.isZero() || !clock.instant().isBefore(untrusted)) {
            return Optional.empty();
        }
        if (!SHARED.mayHaveTrusted(swift, bucket)) {
            return Optional.of(untrusted);
        }
        SwiftReply segments = swift.containers().head(SegmentsLayout.container(bucket));
        Optional<Instant> created = timestamp(segments.header("X-Timestamp"));
        Instant until = created.orElse(clock.instant()).plus(wait);
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before writing a manifest", e);
            }
        }
        return Optional.empty();
    }

    /** Swift's {@code X-Timestamp} (seconds since the epoch, with a fraction). */
    static Optional<Instant> timestamp(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(value.trim());
            return Optional.of(Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
        } catch (NumberFormatException | ArithmeticException unreadable) {
            return Optional.empty();
        }
    }
}
