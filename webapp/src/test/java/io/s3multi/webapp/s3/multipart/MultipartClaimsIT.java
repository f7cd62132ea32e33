package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Hold;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claims between gateways: two gateways in front of the same dev Swift racing Complete against Abort (never a
 * corrupt object, never an orphan), and claims left by a gateway that died (they expire after
 * {@code claim_timeout}, here 1 s for the two extra gateways, 8 s by default, so a retried Complete succeeds).
 */
class MultipartClaimsIT extends MultipartIntegrationTest {

    private static final String CLAIM_TIMEOUT_SECONDS = "1";
    private static FaultProxy proxy;
    private static S3TestGateway east;
    private static S3TestGateway west;

    /** Both behind one {@link FaultProxy}, which lets a race prove that it happened. */
    @BeforeAll
    static void startTwoMoreGateways() throws Exception {
        proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
        Properties properties = multipartSettings(proxy.gatewayConfiguration());
        properties.setProperty("filter.s3multi.claim_timeout", CLAIM_TIMEOUT_SECONDS);
        east = S3TestGateway.start(properties);
        west = S3TestGateway.start(properties);
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (S3TestGateway gateway : List.of(east, west)) {
            gateway.close();
        }
        proxy.close();
    }

    /** An upload of two parts (1 MiB and a little): its id, parts, bytes and the ETag Complete must give. */
    private record Upload(String key, String id, List<CompletedPart> parts, byte[] whole, String eTag) {
    }

    private static Upload upload(S3Client client, String bucket, String key, long seed) throws Exception {
        String id = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        byte[] first = randomBytes(MIN_PART_SIZE, seed);
        byte[] second = randomBytes(700 + (int) seed, seed + 1);
        String eTag1 = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String eTag2 = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(first);
        whole.write(second);
        return new Upload(key, id, List.of(CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                CompletedPart.builder().partNumber(2).eTag(eTag2).build()), whole.toByteArray(),
                multipartEtag(first, second));
    }

    private static String complete(S3Client client, String bucket, Upload upload) {
        try {
            return client.completeMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.id())
                    .multipartUpload(m -> m.parts(upload.parts()))).eTag();
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static String abort(S3Client client, String bucket, Upload upload) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.id()));
            return "aborted";
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    /** What the upload keeps in Swift; the traces its aborts leave for the sweeper aside. */
    private List<String> leftOf(String bucket, Upload upload) throws Exception {
        return segmentsOfUpload(bucket, upload.id());
    }

    private static List<String> partNames(Upload upload) {
        return List.of("parts/" + upload.id() + "/00001", "parts/" + upload.id() + "/00002");
    }

    /** The object is whole and its manifest's segments are exactly the upload's parts, or nothing is left. */
    private boolean assertWholeOrNothing(String bucket, Upload upload, String completeAnswer) throws Exception {
        SwiftReply object;
        try {
            object = swift().objects().head(bucket, upload.key(), SwiftHeaders.empty());
        } catch (SwiftHttpStatusException e) {
            assertEquals(404, e.status());
            assertEquals(List.of(), leftOf(bucket, upload), "no orphan of an upload that was not completed");
            assertFalse(completeAnswer.startsWith("\""), "Complete answered " + completeAnswer + " but no object");
            return false;
        }
        assertEquals(upload.id(), object.header("X-Object-Meta-S3multi-Upload-Id"));
        assertEquals(partNames(upload), withoutAttempts(leftOf(bucket, upload)), "exactly the parts the object uses");
        assertEquals(leftOf(bucket, upload).stream().map(name -> bucket + "_segments/" + name).toList(),
                MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, upload.key()));
        assertArrayEquals(upload.whole(), s3().getObjectAsBytes(b -> b.bucket(bucket).key(upload.key()))
                .asByteArray());
        assertEquals(upload.eTag(), completeAnswer, "the object exists, so Complete must have said so");
        return true;
    }

    /**
     * Complete on one gateway, Abort on the other, at the same time, proven at the proxy ({@link FinisherRace}):
     * released together, or one holding its claim while the other arrives. Whoever wins, the
     * answers match what Swift holds: a whole object that Complete announced and Abort did not, or nothing at all
     * (Abort's answer is "aborted", or NoSuchUpload when neither won: Complete rolled back).
     */
    @Test
    void completeRacingAbortAcrossTwoGatewaysLeavesAWholeObjectOrNothing() throws Exception {
        String bucket = bucket();
        int objects = 0;
        for (int round = 0; round < 20; round++) {
            Upload upload = upload(s3(), bucket, "across-" + round, round);
            S3Client completer = (round % 2 == 0 ? east : west).s3();
            S3Client aborter = (round % 2 == 0 ? west : east).s3();
            List<String> outcome = FinisherRace.run(proxy, upload.id(), FinisherRace.Order.of(round),
                    () -> complete(completer, bucket, upload), () -> abort(aborter, bucket, upload));
            if (assertWholeOrNothing(bucket, upload, outcome.get(0))) {
                objects++;
                assertEquals("NoSuchUpload", outcome.get(1), outcome.toString());
            } else {
                assertEquals("NoSuchUpload", outcome.get(0), outcome.toString());
                assertTrue(outcome.get(1).equals("aborted") || outcome.get(1).equals("NoSuchUpload"),
                        outcome.toString());
            }
        }
        System.out.println("two gateways: Complete made " + objects + " of 20 objects in real races against Abort");
    }

    @Test
    void completeTwiceAcrossTwoGatewaysGivesOneWholeObject() throws Exception {
        String bucket = bucket();
        for (int round = 0; round < 6; round++) {
            Upload upload = upload(s3(), bucket, "twice-" + round, 50 + round);
            List<String> answers = MultipartConcurrencyIT.together(() -> complete(east.s3(), bucket, upload),
                    () -> complete(west.s3(), bucket, upload));
            assertEquals(answers.get(0), answers.get(1));
            assertTrue(assertWholeOrNothing(bucket, upload, answers.get(0)));
        }
    }

    /**
     * Two Completes of one upload that both hold the claim (Swift let both PUTs through; here its claim is deleted
     * under the first): the second finishes whole while the first's manifest is held at the proxy; the first then
     * finds the marker gone. It must keep the object the second answered for, not take that for an Abort.
     */
    @Test
    void aCompleteThatFindsAnotherGatewaysCompleteFinishedKeepsTheObject() throws Exception {
        String bucket = bucket();
        Upload upload = upload(s3(), bucket, "both-won", 21);
        Hold manifest = proxy.when(r -> r.method().equals("PUT") && r.isObject() && !r.isSegment()
                && r.path().endsWith("/" + bucket + "/both-won")).times(1).then(Fault.hold());
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> complete(east.s3(), bucket, upload));
            assertTrue(manifest.awaitHeld(Duration.ofSeconds(30)), "the first Complete reached its manifest");
            swift().objects().delete(bucket + "_segments", "claims/" + upload.id(), SwiftHeaders.empty());
            String second = complete(west.s3(), bucket, upload);
            assertEquals(upload.eTag(), second);
            manifest.release();
            assertEquals(upload.eTag(), first.get(60, TimeUnit.SECONDS), "answered as a retry would");
            assertTrue(assertWholeOrNothing(bucket, upload, second), "the object the second answered for is whole");
        } finally {
            manifest.release();
            proxy.clearRules();
        }
    }

    /**
     * Complete on east and Abort on west both past the claim (deleted under the Complete, as Swift can let two
     * claims through), while Swift's listings of {@code aborts/} lag behind the abort's writes (the proxy answers
     * them empty: what a container server that has not yet received the trace's container update answers). The
     * abort closes the marker and looks at the key while the Complete's manifest is held at the proxy, so it sees
     * no manifest and deletes the parts once the manifest has landed; the Complete looks at the marker after the
     * abort is done. It must not keep, nor answer 200 for, a manifest naming the deleted parts.
     */
    @Test
    void aCompleteRacingAnAbortWhoseTraceNoListingShowsYetLeavesNoObjectNamingDeletedParts() throws Exception {
        String bucket = bucket();
        Upload upload = upload(s3(), bucket, "lagging", 31);
        String segments = "/" + bucket + "_segments";
        proxy.when(r -> r.method().equals("GET") && r.path().endsWith(segments) && r.query().contains("prefix=aborts"))
                .then(Fault.answer(200, "application/json; charset=utf-8", "[]"));
        Hold manifest = proxy.when(r -> r.method().equals("PUT") && r.isObject() && !r.isSegment()
                && r.path().endsWith("/" + bucket + "/lagging")).times(1).then(Fault.hold());
        Hold abortDeletingParts = null;
        try {
            CompletableFuture<String> completion = CompletableFuture.supplyAsync(() -> complete(east.s3(), bucket,
                    upload));
            assertTrue(manifest.awaitHeld(Duration.ofSeconds(30)), "the Complete reached its manifest");
            swift().objects().delete(bucket + "_segments", "claims/" + upload.id(), SwiftHeaders.empty());
            // The abort's listing of the parts it is about to delete (the Complete listed them before its manifest).
            abortDeletingParts = proxy.when(r -> r.method().equals("GET") && r.path().endsWith(segments)
                    && r.query().contains("prefix=parts") && r.query().contains(upload.id())).times(1)
                    .then(Fault.hold());
            CompletableFuture<String> abort = CompletableFuture.supplyAsync(() -> abort(west.s3(), bucket, upload));
            assertTrue(abortDeletingParts.awaitHeld(Duration.ofSeconds(30)),
                    "the abort looked at the key (no manifest yet) and is about to delete the parts");
            Hold completeLooksAtTheMarker = proxy.when(r -> r.method().equals("HEAD") && r.isSegment()
                    && r.path().contains("/uploads/")).times(1).then(Fault.hold());
            manifest.release();
            assertTrue(completeLooksAtTheMarker.awaitHeld(Duration.ofSeconds(30)), "the manifest landed");
            abortDeletingParts.release();
            assertEquals("aborted", abort.get(60, TimeUnit.SECONDS));
            completeLooksAtTheMarker.release();
            String answer = completion.get(60, TimeUnit.SECONDS);
            assertFalse(assertWholeOrNothing(bucket, upload, answer), "no object at the key");
            assertEquals("NoSuchUpload", answer, "aborted while completing");
            assertEquals(List.of("aborts/" + upload.id()), segmentNames(bucket).stream()
                    .filter(name -> name.startsWith("aborts/")).toList(), "the abort's trace, for the sweeper");
        } finally {
            manifest.release();
            if (abortDeletingParts != null) {
                abortDeletingParts.release();
            }
            proxy.clearRules();
        }
    }

    /** A claim as a gateway that died would have left it, refreshed last at {@code refreshedMillis}. */
    private static void leaveClaim(String bucket, Upload upload, long refreshedMillis) throws Exception {
        swift().objects().put(bucket + "_segments", "claims/" + upload.id(), new byte[0], SwiftHeaders.of(
                "Content-Type", "application/x-s3multi-claim",
                "X-Object-Meta-S3multi-State", "COMPLETING",
                "X-Object-Meta-S3multi-Claim-Token", "a-gateway-that-died",
                "X-Object-Meta-S3multi-Claim-Refreshed", Long.toString(refreshedMillis)));
    }

    @Test
    void aStaleClaimDoesNotBlockComplete() throws Exception {
        String bucket = bucket();
        Upload upload = upload(east.s3(), bucket, "stale", 7);
        leaveClaim(bucket, upload, System.currentTimeMillis() - Duration.ofMinutes(10).toMillis());
        String answer = complete(east.s3(), bucket, upload);
        assertTrue(assertWholeOrNothing(bucket, upload, answer), answer);
    }

    @Test
    void theClaimOfAGatewayThatJustDiedIsTakenOverWhenItAges() throws Exception {
        String bucket = bucket();
        Upload upload = upload(east.s3(), bucket, "aging", 8);
        leaveClaim(bucket, upload, System.currentTimeMillis());
        long started = System.nanoTime();
        String answer = complete(west.s3(), bucket, upload);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(assertWholeOrNothing(bucket, upload, answer), answer);
        assertTrue(tookMillis >= 700, "waited for the claim to age past claim_timeout: " + tookMillis + " ms");
    }

    /**
     * With the default settings (the base gateway): a Complete retried right after its gateway died behind the
     * manifest waits for the dead holder's claim a few seconds (four missed refreshes), not the minute it took
     * when claims were stale only after 60 s.
     */
    @Test
    void aCompleteRetriedRightAfterItsGatewayDiedWaitsSecondsWithTheDefaultSettings() throws Exception {
        String bucket = bucket();
        Upload upload = upload(s3(), bucket, "just-died", 11);
        String first = completeAndDieBehindTheManifest(s3(), bucket, upload);
        leaveClaim(bucket, upload, System.currentTimeMillis());
        long started = System.nanoTime();
        String retried = complete(s3(), bucket, upload);
        long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(first, retried);
        assertTrue(assertWholeOrNothing(bucket, upload, retried));
        assertTrue(tookMillis < 20_000, "the dead holder's claim was recognised in " + tookMillis + " ms");
        System.out.println("a Complete retried right after its gateway died waited " + tookMillis + " ms");
    }

    @Test
    void aCompleteRetriedAfterItsGatewayDiedBehindTheManifestSucceeds() throws Exception {
        String bucket = bucket();
        Upload upload = upload(east.s3(), bucket, "crashed", 9);
        String first = completeAndDieBehindTheManifest(east.s3(), bucket, upload);
        leaveClaim(bucket, upload, System.currentTimeMillis() - Duration.ofMinutes(1).toMillis());
        String retried = complete(west.s3(), bucket, upload);
        assertEquals(first, retried);
        assertTrue(assertWholeOrNothing(bucket, upload, retried));
    }

    /** Completes, then puts the marker back as it was: as if the gateway had died after writing the manifest. */
    private static String completeAndDieBehindTheManifest(S3Client client, String bucket, Upload upload)
            throws Exception {
        String marker = segmentNames(bucket).stream()
                .filter(name -> name.startsWith("uploads/") && name.endsWith(upload.id())).findFirst().orElseThrow();
        SwiftReply markerHead = swift().objects().head(bucket + "_segments", marker, SwiftHeaders.empty());
        String first = complete(client, bucket, upload);
        SwiftHeaders.Builder markerHeaders = SwiftHeaders.builder();
        for (String name : markerHead.headers().names()) {
            if (name.toLowerCase().startsWith("x-object-meta-") || name.equalsIgnoreCase("Content-Type")) {
                markerHeaders.set(name, markerHead.header(name));
            }
        }
        swift().objects().put(bucket + "_segments", marker, new byte[0], markerHeaders.build());
        return first;
    }
}
