package io.s3multi.s3.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.Checkpoint;
import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.background.WorkLog;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.slo.SloSegment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeper works a segments container in stretches of upload ids, saves its position after each, returns when
 * its lease is lost and resumes from the checkpoint, and skips runs within its interval: against the dev Swift,
 * with uploads written directly (a stretch of two names, so five uploads make five stretches).
 */
class OrphanSweeperStretchesIT {

    private static final Duration GRACE = Duration.ofDays(1);
    private static final Clock LATER = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
    private static SwiftBackend backend;
    private static SwiftAccount swift;

    private String bucket;
    private String segments;
    private final List<UploadId> uploads = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(System.getProperty("swift.url",
                "http://127.0.0.1:8081"))));
        swift = backend.tempAuthAccount("test:tester", "testing");
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /**
     * Five uploads of two parts each, ids in order: the 1st, 3rd aborted (no marker, nothing names them); the 2nd
     * completed (an SLO names both parts); the 4th completed with part 2 not chosen; the 5th in progress.
     */
    @BeforeEach
    void plant() throws Exception {
        bucket = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        segments = SegmentsLayout.container(bucket);
        swift.containers().create(bucket, SwiftHeaders.empty());
        swift.containers().create(segments, SwiftHeaders.empty());
        Instant initiated = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            UploadId id = UploadId.newId(initiated.plusMillis(i));
            uploads.add(id);
            for (int part = 1; part <= 2; part++) {
                swift.objects().put(segments, SegmentsLayout.part(id, part, PartAttempt.begunAt(initiated)),
                        ("part " + part).getBytes(StandardCharsets.UTF_8), SwiftHeaders.empty());
            }
        }
        manifest("two", uploads.get(1), 2);
        manifest("four", uploads.get(3), 1);
        swift.objects().put(segments, SegmentsLayout.marker("five", uploads.get(4)), new byte[0],
                new UploadInfo("five", uploads.get(4), null, java.util.Map.of(), java.util.Map.of(),
                        Optional.empty(), null, "tester").markerHeaders());
    }

    @AfterEach
    void deleteContainers() throws Exception {
        for (String container : List.of(bucket, segments)) {
            for (String name : names(container)) {
                swift.objects().delete(container, name, SwiftHeaders.empty());
            }
            swift.containers().delete(container);
        }
    }

    @Test
    void worksStretchByStretchAndResumesWhereItLostItsLease() throws Exception {
        List<String> before = names(segments);
        RecordingCheckpoint checkpoint = new RecordingCheckpoint();
        AtomicInteger leaseAsked = new AtomicInteger();
        OrphanSweeper sweeper = new OrphanSweeper(GRACE, Duration.ofHours(1), MultipartSettings.DEFAULT_CLAIM_TIMEOUT, 2);
        // The lease is lost after the second stretch: the run returns, its position saved.
        sweeper.run(work(checkpoint, () -> leaseAsked.incrementAndGet() <= 2));
        assertEquals(List.of(uploads.get(0).value()), checkpoint.saved);
        assertEquals(namesOf(before, uploads.get(0)), gone(before));

        sweeper.run(work(checkpoint, () -> true));
        assertEquals(List.of(uploads.get(0).value(), uploads.get(1).value(), uploads.get(2).value(),
                uploads.get(3).value()), checkpoint.saved.subList(0, 4));
        assertTrue(checkpoint.position().orElseThrow().startsWith(OrphanSweeper.FINISHED_AT),
                checkpoint.saved.toString());
        TreeSet<String> expected = new TreeSet<>(namesOf(before, uploads.get(0)));
        expected.addAll(namesOf(before, uploads.get(2)));
        expected.add(namesOf(before, uploads.get(3)).get(1));
        assertEquals(List.copyOf(expected), gone(before));
    }

    @Test
    void aRunWithinTheIntervalOfTheLastDoesNothing() throws Exception {
        List<String> before = names(segments);
        RecordingCheckpoint checkpoint = new RecordingCheckpoint();
        checkpoint.save(OrphanSweeper.FINISHED_AT + LATER.instant().minus(Duration.ofMinutes(59)).toEpochMilli());
        new OrphanSweeper(GRACE, Duration.ofHours(1), MultipartSettings.DEFAULT_CLAIM_TIMEOUT, 2).run(work(checkpoint, () -> true));
        assertEquals(before, names(segments));
        checkpoint.save(OrphanSweeper.FINISHED_AT + LATER.instant().minus(Duration.ofMinutes(61)).toEpochMilli());
        new OrphanSweeper(GRACE, Duration.ofHours(1), MultipartSettings.DEFAULT_CLAIM_TIMEOUT, 2).run(work(checkpoint, () -> true));
        assertEquals(5, gone(before).size());
    }

    private BucketWork work(Checkpoint checkpoint, java.util.function.BooleanSupplier lease) {
        return new BucketWork(bucket, swift, Pacer.UNPACED, checkpoint, lease, LATER, false, WorkLog.NONE);
    }

    /** An SLO at {@code key} naming the first {@code parts} parts of the upload. */
    private void manifest(String key, UploadId id, int parts) throws Exception {
        List<SloSegment> named = new ArrayList<>();
        for (ObjectEntry entry : swift.containers().listAllObjects(segments,
                ListingQuery.all().withPrefix(SegmentsLayout.partsPrefix(id))).stream().limit(parts).toList()) {
            named.add(SloSegment.of(new ObjectPath(segments, entry.name()), entry.hash(), entry.bytes()));
        }
        swift.largeObjects().putManifest(bucket, key, named, SwiftHeaders.empty());
    }

    private List<String> gone(List<String> before) throws Exception {
        List<String> left = names(segments);
        return before.stream().filter(name -> !left.contains(name)).toList();
    }

    private static List<String> namesOf(List<String> names, UploadId id) {
        return names.stream().filter(name -> name.contains(id.value())).toList();
    }

    private static List<String> names(String container) throws Exception {
        return swift.containers().listAllObjects(container, ListingQuery.all()).stream().map(ObjectEntry::name)
                .toList();
    }

    /** A checkpoint in memory that remembers every position saved. */
    private static final class RecordingCheckpoint implements Checkpoint {
        final List<String> saved = new ArrayList<>();

        @Override
        public Optional<String> position() {
            return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
        }

        @Override
        public void save(String position) {
            saved.add(position);
        }

        @Override
        public void clear() {
            saved.clear();
        }
    }

}
