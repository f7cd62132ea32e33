package io.s3multi.s3.multipart;

import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.swift.SwiftAccount;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A segment-free bucket is asked again before its answer expires, so that steady PutObject traffic never finds it
 * unknown (each PutObject in such a gap looked at its key: 1.10 Swift requests per small PUT instead of 1.00); and
 * each answer is still trusted only for {@link SegmentFreeBuckets#TTL} from its own HEAD.
 */
class SegmentFreeBucketsRefreshTest {

    private static final long TTL = SegmentFreeBuckets.TTL.toNanos();

    private FakeSwift swift;
    private SwiftAccount account;
    private final long[] now = {1_000_000_000L};
    private final SegmentFreeBuckets known = new SegmentFreeBuckets(() -> now[0]);

    @BeforeEach
    void start() {
        swift = new FakeSwift();
        swift.createContainer("bkt");
        account = swift.account();   // starting FakeSwift switches the trust off: set it after
        SegmentFreeBuckets.trustForTests(SegmentFreeBuckets.TTL);
    }

    @AfterEach
    void stop() {
        SegmentFreeBuckets.trustForTests(Duration.ZERO);
        swift.close();
    }

    @Test
    void aSegmentFreeBucketIsAskedAgainAQuarterOfItsTrustBeforeItExpires() {
        learnt(known.learn(account, "bkt", Runnable::run, this::unversioned));
        assertTrue(known.segmentFree(account, "bkt"));

        now[0] += TTL / 2;
        assertEquals(Optional.empty(), known.learn(account, "bkt", Runnable::run, this::unversioned), "not due yet");

        now[0] += TTL / 4;
        assertTrue(known.segmentFree(account, "bkt"), "the old answer is still trusted while the new one is asked");
        learnt(known.learn(account, "bkt", Runnable::run, this::unversioned));
        assertEquals(List.of("HEAD /bkt_segments", "HEAD /bkt_segments"), swift.requests());

        now[0] += TTL - 1;
        assertTrue(known.segmentFree(account, "bkt"), "trusted for TTL from the second HEAD");
        now[0] += 1;
        assertFalse(known.segmentFree(account, "bkt"), "and not longer");
    }

    @Test
    void aBucketWithSegmentsIsAskedAgainOnlyOnceItsAnswerExpired() {
        swift.createContainer("bkt_segments");
        learnt(known.learn(account, "bkt", Runnable::run, this::unversioned));
        assertFalse(known.segmentFree(account, "bkt"));

        now[0] += TTL - TTL / 8;
        assertEquals(Optional.empty(), known.learn(account, "bkt", Runnable::run, this::unversioned));
        now[0] += TTL / 8;
        learnt(known.learn(account, "bkt", Runnable::run, this::unversioned));
        assertEquals(List.of("HEAD /bkt_segments", "HEAD /bkt_segments"), swift.requests());
    }

    private CompletableFuture<Boolean> unversioned() {
        return CompletableFuture.completedFuture(false);
    }

    private static void learnt(Optional<CompletableFuture<Void>> lesson) {
        assertTrue(lesson.isPresent(), "a lesson was due");
        lesson.get().join();
    }
}
