package io.s3multi.webapp.s3.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.Checkpoint;
import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.multipart.SkippedLookCheck;
import io.s3multi.s3.sweep.OrphanSweeper;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.webapp.s3.VersionedBuckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The orphan sweeper against the dev Swift: each leftover a crash can leave in {@code <bucket>_segments} is planted
 * on purpose (written directly into Swift, in the state the crashed request left), next to what must survive (a
 * completed object, an upload in progress, a noncurrent multipart version, leftovers younger than the grace period,
 * a name the gateway does not write). The sweeper must remove exactly the leftovers: the container is listed before
 * and after, and the objects read back byte for byte.
 *
 * <p>No sleeping: the sweeper's clock is set so that everything planted before a cut is older than the grace period
 * (one day) and everything after it younger, from the {@code last_modified} Swift listed.
 */
class OrphanSweeperIT extends MultipartIntegrationTest {

    private static final Duration GRACE = Duration.ofDays(1);
    private static final long OLD_REFRESH = 1_000_000_000_000L;

    /**
     * No Complete here schedules a {@link SkippedLookCheck}: it would delete the segments of the object that
     * {@code removesEachCrashLeftoverAndNothingElse} replaces directly in Swift to plant a clean-up that never ran,
     * before the sweeper could show it removes them (seen on a fast machine, where that Complete came within the
     * check's window of its upload's creation).
     */
    @BeforeEach
    void noSkippedLookChecks() {
        SegmentFreeBuckets.trustForTests(Duration.ZERO);
    }

    @AfterEach
    void trustAsTheGatewayDoes() {
        SegmentFreeBuckets.trustForTests(SegmentFreeBuckets.TTL);
    }

    @Test
    void removesEachCrashLeftoverAndNothingElse() throws Exception {
        String bucket = bucket();
        String container = SegmentsLayout.container(bucket);
        // Must survive: a completed object (nested manifests), and one whose Complete's clean-up gave up.
        Completed done = complete(bucket, "done", 5, 1);
        Completed finished = complete(bucket, "finished", 2, 2);
        // The finished upload's clean-up gave up: its marker is marked finished, an attempt it did not choose stays.
        String unchosen = SegmentsLayout.part(finished.uploadId(), 1, PartAttempt.begunAt(Instant.now()));
        put(container, unchosen, "an attempt Complete did not choose", SwiftHeaders.empty());
        String finishedMarker = SegmentsLayout.marker("finished", finished.uploadId());
        put(container, finishedMarker, "", UploadInfo.finishedMarkerHeaders());
        // A claim left over by the Complete of "done".
        String doneClaim = plantClaim(container, done.uploadId(), "COMPLETING");
        // A replaced object whose clean-up never ran: a plain object now at its key, its parts and sub-manifests left.
        Completed replaced = complete(bucket, "replaced", 5, 3);
        swift().objects().put(bucket, "replaced", "plain now".getBytes(), SwiftHeaders.empty());
        // An Abort that died after deleting the marker: parts and its claim left.
        UploadId abortedAfter = openUpload(bucket, "aborted-after", 2);
        deleteDirectly(container, SegmentsLayout.marker("aborted-after", abortedAfter));
        String abortedAfterClaim = plantClaim(container, abortedAfter, "ABORTING");
        // An Abort that died before deleting the marker: the upload still looks open, with a dead claim.
        UploadId abortedBefore = openUpload(bucket, "aborted-before", 2);
        plantClaim(container, abortedBefore, "ABORTING");
        // A Complete that died before writing its manifest: the upload stays open, only the dead claim goes.
        UploadId completeDied = openUpload(bucket, "complete-died", 1);
        String completeDiedClaim = plantClaim(container, completeDied, "COMPLETING");
        // Must survive: an upload in progress, and a name the gateway does not write.
        UploadId live = openUpload(bucket, "live", 1);
        put(container, "locks/someone-elses", "not ours", SwiftHeaders.empty());
        put(container, SegmentsLayout.PARTS + "not-an-upload-id/00001", "not ours either", SwiftHeaders.empty());
        Instant cut = newestModified(container);
        // Younger than the grace period: an aborted upload's parts, just left.
        UploadId young = openUpload(bucket, "young", 1);
        deleteDirectly(container, SegmentsLayout.marker("young", young));

        List<String> before = segmentNames(bucket);
        List<Record> log = sweep(bucket, clockBetween(cut, oldestAfter(container, cut)), false);
        List<String> after = segmentNames(bucket);

        Set<String> removed = difference(before, after);
        Set<String> expected = new TreeSet<>();
        expected.add(unchosen);
        expected.add(finishedMarker);
        expected.add(doneClaim);
        expected.addAll(namesOf(before, replaced.uploadId()));
        expected.addAll(namesOf(before, abortedAfter));
        expected.addAll(namesOf(before, abortedBefore));
        expected.add(completeDiedClaim);
        assertEquals(expected, removed, "removed exactly the leftovers");
        // Finishing the dead Abort left its trace (for a Complete racing it; a later sweep removes it), nothing else.
        assertEquals(Set.of(SegmentsLayout.abortTrace(abortedBefore)), difference(after, before),
                "the sweeper wrote nothing else that stayed");
        assertTrue(namesOf(before, replaced.uploadId()).stream().anyMatch(n -> n.startsWith(SegmentsLayout.MANIFESTS)),
                "the replaced object had sub-manifests");
        assertTrue(after.containsAll(namesOf(before, live)) && after.containsAll(namesOf(before, young))
                && after.contains(SegmentsLayout.marker("complete-died", completeDied)));
        assertTrue(after.contains("locks/someone-elses"));

        done.assertReadsBack(bucket);
        finished.assertReadsBack(bucket);
        assertArrayEquals("plain now".getBytes(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("replaced"))
                .asByteArray());
        assertEquals(Set.of(live.value(), completeDied.value()), s3().listMultipartUploads(b -> b.bucket(bucket))
                .uploads().stream().map(upload -> upload.uploadId()).collect(Collectors.toSet()));
        // Every removal and every refusal is reported.
        assertEquals(expected.stream().filter(n -> !namesOf(before, abortedBefore).contains(n)
                && !n.equals(completeDiedClaim)).collect(Collectors.toCollection(TreeSet::new)),
                names(log, "delete", true));
        assertEquals(Set.of(SegmentsLayout.marker("aborted-before", abortedBefore),
                SegmentsLayout.marker("complete-died", completeDied)),
                log.stream().filter(r -> r.action().startsWith("finish-")).map(Record::object)
                        .collect(Collectors.toSet()));
        assertEquals(new TreeSet<>(namesOf(before, young)), names(log, "keep", false));
        assertEquals(Set.of("locks/", SegmentsLayout.PARTS + "not-an-upload-id/00001"), names(log, "leave", false));

        // A second sweep finds nothing more to remove.
        List<Record> again = sweep(bucket, clockBetween(cut, oldestAfter(container, cut)), false);
        assertEquals(Set.of(), names(again, "delete", true));
        assertEquals(after, segmentNames(bucket));
    }

    @Test
    void aDryRunReportsTheLeftoversAndChangesNothing() throws Exception {
        String bucket = bucket();
        String container = SegmentsLayout.container(bucket);
        Completed done = complete(bucket, "done", 2, 4);
        UploadId aborted = openUpload(bucket, "aborted", 2);
        deleteDirectly(container, SegmentsLayout.marker("aborted", aborted));
        String claim = plantClaim(container, done.uploadId(), "COMPLETING");
        UploadId abortedBefore = openUpload(bucket, "aborted-before", 1);
        plantClaim(container, abortedBefore, "ABORTING");
        Instant now = newestModified(container);

        List<String> before = segmentNames(bucket);
        List<Record> log = sweep(bucket, Clock.fixed(now.plus(GRACE).plusSeconds(1), ZoneOffset.UTC), true);

        assertEquals(before, segmentNames(bucket), "a dry run changes nothing");
        Set<String> wouldGo = new TreeSet<>(namesOf(before, aborted));
        wouldGo.add(claim);
        assertEquals(wouldGo, names(log, "delete", false));
        assertEquals(List.of(SegmentsLayout.marker("aborted-before", abortedBefore)), log.stream()
                .filter(r -> r.action().equals("finish-abort") && !r.performed()).map(Record::object).toList());
        assertTrue(log.stream().noneMatch(Record::performed), "nothing performed: " + log);
        done.assertReadsBack(bucket);
    }

    @Test
    void aNoncurrentMultipartVersionKeepsItsSegments() throws Exception {
        String bucket = bucket();
        VersionedBuckets.versioning(swift(), bucket, true);
        try {
            assertNoncurrentVersionsKeepTheirSegments(bucket);
        } finally {
            VersionedBuckets.deleteAllVersions(swift(), bucket);
        }
    }

    private static void assertNoncurrentVersionsKeepTheirSegments(String bucket) throws Exception {
        String container = SegmentsLayout.container(bucket);
        // Three parts: Swift 2.30 answers 409 to a GET by version id of a version with nested manifests.
        Completed old = complete(bucket, "k", 3, 5);
        String oldVersion = VersionedBuckets.versions(swift(), bucket, "k").get(0).versionId();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("the current version"));
        Completed current = complete(bucket, "other", 2, 6);
        s3().deleteObject(b -> b.bucket(bucket).key("other"));   // a delete marker hides it: noncurrent too
        UploadId aborted = openUpload(bucket, "aborted", 1);
        deleteDirectly(container, SegmentsLayout.marker("aborted", aborted));
        Instant now = newestModified(container);

        List<String> before = segmentNames(bucket);
        sweep(bucket, Clock.fixed(now.plus(GRACE).plusSeconds(1), ZoneOffset.UTC), false);

        assertEquals(new TreeSet<>(namesOf(before, aborted)), difference(before, segmentNames(bucket)));
        assertArrayEquals(old.bytes(), VersionedBuckets.read(swift(), bucket, "k", oldVersion));
        String hidden = VersionedBuckets.versions(swift(), bucket, "other").get(1).versionId();
        assertArrayEquals(current.bytes(), VersionedBuckets.read(swift(), bucket, "other", hidden));
    }

    @Test
    void anUploadInProgressSurvivesSweepsRunningAlongside() throws Exception {
        String bucket = bucket();
        var created = s3().createMultipartUpload(b -> b.bucket(bucket).key("busy"));
        byte[][] parts = new byte[4][];
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        try {
            Future<List<CompletedPart>> uploading = uploader.submit(() -> {
                List<CompletedPart> done = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) {
                    int number = i + 1;
                    parts[i] = randomBytes(i < parts.length - 1 ? MIN_PART_SIZE : 1000, 70 + i);
                    String eTag = s3().uploadPart(b -> b.bucket(bucket).key("busy").uploadId(created.uploadId())
                            .partNumber(number), RequestBody.fromBytes(parts[number - 1])).eTag();
                    done.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
                }
                return done;
            });
            int sweeps = 0;
            // The clock a week ahead: every part is "old"; only the marker keeps the upload safe.
            Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(7));
            while ((!uploading.isDone() || sweeps == 0) && sweeps < 1000) {
                sweep(bucket, ahead, false);
                sweeps++;
            }
            List<CompletedPart> completed = uploading.get(60, TimeUnit.SECONDS);
            s3().completeMultipartUpload(b -> b.bucket(bucket).key("busy").uploadId(created.uploadId())
                    .multipartUpload(m -> m.parts(completed)));
        } finally {
            uploader.shutdownNow();
        }
        byte[] whole = concat(concat(concat(parts[0], parts[1]), parts[2]), parts[3]);
        assertArrayEquals(whole, s3().getObjectAsBytes(b -> b.bucket(bucket).key("busy")).asByteArray());
    }

    // --- planting ---------------------------------------------------------------------------------------------

    private record Completed(String key, UploadId uploadId, byte[] bytes) {
        void assertReadsBack(String bucket) {
            assertArrayEquals(bytes, s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(), key);
        }
    }

    /** A multipart object of {@code count} parts (all but the last of the least size), completed. */
    private static Completed complete(String bucket, String key, int count, long seed) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        byte[] whole = new byte[0];
        for (int number = 1; number <= count; number++) {
            byte[] part = randomBytes(number < count ? MIN_PART_SIZE : 777, seed * 100 + number);
            whole = concat(whole, part);
            int n = number;
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(part)).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)));
        return new Completed(key, new UploadId(uploadId), whole);
    }

    /** An upload with {@code count} small parts, left open. */
    private static UploadId openUpload(String bucket, String key, int count) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        for (int number = 1; number <= count; number++) {
            int n = number;
            s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                    RequestBody.fromString("part " + n + " of " + key));
        }
        return new UploadId(uploadId);
    }

    /** A claim as a Complete or Abort writes it, last refreshed long ago by its (dead) holder. */
    private static String plantClaim(String container, UploadId uploadId, String state) throws Exception {
        String name = SegmentsLayout.claim(uploadId);
        put(container, name, "", SwiftHeaders.of("Content-Type", SegmentsLayout.CLAIM_CONTENT_TYPE,
                ReservedMetadata.CLAIM_STATE, state, ReservedMetadata.CLAIM_TOKEN, "a dead holder's",
                ReservedMetadata.CLAIM_REFRESHED, Long.toString(OLD_REFRESH)));
        return name;
    }

    private static void put(String container, String name, String body, SwiftHeaders headers) throws Exception {
        swift().objects().put(container, name, body.getBytes(), headers);
    }

    private static void deleteDirectly(String container, String name) throws Exception {
        swift().objects().delete(container, name, SwiftHeaders.empty());
    }

    // --- the sweep and what it reported -----------------------------------------------------------------------

    private record Record(String container, String object, String action, String reason, boolean performed) {
    }

    private static List<Record> sweep(String bucket, Clock clock, boolean dryRun) throws Exception {
        List<Record> log = Collections.synchronizedList(new ArrayList<>());
        new OrphanSweeper(GRACE, MultipartSettings.DEFAULT_CLAIM_TIMEOUT).run(new BucketWork(bucket, swift(), Pacer.UNPACED, Checkpoint.NONE, () -> true,
                clock, dryRun, (container, object, action, reason, performed) ->
                        log.add(new Record(container, object, action, reason, performed))));
        return log;
    }

    private static Set<String> names(List<Record> log, String action, boolean performed) {
        return log.stream().filter(r -> r.action().equals(action) && r.performed() == performed)
                .map(Record::object).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- times and names --------------------------------------------------------------------------------------

    /**
     * A clock at which everything Swift last modified up to {@code cut} is older than the grace period and
     * everything from {@code firstAfter} on is younger.
     */
    private static Clock clockBetween(Instant cut, Instant firstAfter) {
        Duration gap = Duration.between(cut, firstAfter);
        assertTrue(!gap.isNegative() && !gap.isZero(), "the young leftovers were written after the cut");
        return Clock.fixed(firstAfter.plus(GRACE).minus(gap.dividedBy(2)), ZoneOffset.UTC);
    }

    private static Instant newestModified(String container) throws Exception {
        return modified(container).values().stream().max(Instant::compareTo).orElseThrow();
    }

    private static Instant oldestAfter(String container, Instant cut) throws Exception {
        return modified(container).values().stream().filter(t -> t.isAfter(cut)).min(Instant::compareTo)
                .orElseThrow();
    }

    private static Map<String, Instant> modified(String container) throws Exception {
        Map<String, Instant> times = new TreeMap<>();
        for (ObjectEntry entry : swift().containers().listAllObjects(container, ListingQuery.all()).stream()
                .toList()) {
            times.put(entry.name(), entry.lastModified());
        }
        return times;
    }

    private static List<String> namesOf(List<String> names, UploadId uploadId) {
        return names.stream().filter(name -> name.contains(uploadId.value())).toList();
    }

    private static Set<String> difference(List<String> from, List<String> without) {
        Set<String> left = new TreeSet<>(from);
        without.forEach(left::remove);
        return left;
    }
}
