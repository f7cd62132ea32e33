package io.s3multi.s3.handler;

import static io.s3multi.s3.handler.HandlerBench.TEST;
import static io.s3multi.s3.handler.HandlerBench.TEST2;
import static io.s3multi.s3.handler.HandlerBench.TEST3;
import static io.s3multi.s3.handler.HandlerBench.bodyText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bucket handlers against the dev Swift, in-process (no HTTP): what they answer, and what Swift and the
 * registry hold afterwards.
 */
class BucketHandlerIT {

    private static HandlerBench bench;
    private final List<Runnable> cleanups = new ArrayList<>();

    @BeforeAll
    static void start() {
        bench = new HandlerBench();
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
    }

    private String bucket(String purpose, HandlerBench.User owner) {
        String name = HandlerBench.uniqueBucket(purpose);
        cleanups.add(() -> bench.cleanUp(owner, name));
        return name;
    }

    @Test
    void createBucketMakesTheContainerAndRecordsTheOwner() throws SwiftException {
        String bucket = bucket("create", TEST);
        S3Response created = bench.send(TEST, "PUT", "/" + bucket, "");
        assertEquals(200, created.status());
        assertEquals("/" + bucket, created.header("Location"));
        assertTrue(bench.containerExists(TEST, bucket));
        assertEquals("AUTH_test", bench.registryOwner(bucket));
    }

    @Test
    void creatingYourOwnBucketAgainIsBucketAlreadyOwnedByYou() {
        String bucket = bucket("again", TEST);
        bench.send(TEST, "PUT", "/" + bucket, "");
        assertEquals(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU, bench.failure(TEST, "PUT", "/" + bucket, "").code());
    }

    @Test
    void aNameAnotherAccountHoldsIsBucketAlreadyExistsAndNothingIsCreated() throws SwiftException {
        String bucket = bucket("taken", TEST);
        cleanups.add(() -> bench.cleanUp(TEST2, bucket));
        bench.send(TEST, "PUT", "/" + bucket, "");
        assertEquals(S3ErrorCode.BUCKET_ALREADY_EXISTS, bench.failure(TEST2, "PUT", "/" + bucket, "").code());
        assertFalse(bench.containerExists(TEST2, bucket));
        assertEquals("AUTH_test", bench.registryOwner(bucket));
    }

    @Test
    void everyOperationOnAnotherAccountsBucketIsAccessDenied() throws SwiftException {
        String bucket = bucket("foreign", TEST);
        bench.send(TEST, "PUT", "/" + bucket, "");
        bench.putObject(TEST, bucket, "secret", "x");
        String[][] requests = {
                {"HEAD", ""}, {"GET", ""}, {"GET", "list-type=2"}, {"GET", "versions"}, {"GET", "location"},
                {"GET", "acl"}, {"GET", "versioning"}, {"GET", "tagging"}, {"DELETE", ""}};
        for (String[] request : requests) {
            assertEquals(S3ErrorCode.ACCESS_DENIED,
                    bench.failure(TEST2, request[0], "/" + bucket, request[1]).code(), String.join(" ", request));
        }
        assertTrue(bench.containerExists(TEST, bucket));
        assertEquals("AUTH_test", bench.registryOwner(bucket));
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        String bucket = HandlerBench.uniqueBucket("missing");
        for (String[] request : new String[][] {{"HEAD", ""}, {"GET", ""}, {"GET", "list-type=2"},
                {"GET", "location"}, {"DELETE", ""}, {"GET", "versions"}}) {
            assertEquals(S3ErrorCode.NO_SUCH_BUCKET,
                    bench.failure(TEST, request[0], "/" + bucket, request[1]).code(), String.join(" ", request));
        }
    }

    @Test
    void aWrongLocationConstraintCreatesNothing() throws SwiftException {
        String bucket = bucket("location", TEST);
        byte[] body = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
        try {
            bench.send(TEST, "PUT", "/" + bucket, "", body);
            throw new AssertionError("created");
        } catch (S3Exception refused) {
            assertEquals(S3ErrorCode.INVALID_LOCATION_CONSTRAINT, refused.code());
        }
        assertFalse(bench.containerExists(TEST, bucket));
        assertNull(bench.registryOwner(bucket));
    }

    @Test
    void theConfiguredLocationConstraintIsAccepted() throws SwiftException {
        String bucket = bucket("us", TEST);
        byte[] body = ("<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint>"
                + "</CreateBucketConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(200, bench.send(TEST, "PUT", "/" + bucket, "", body).status());
        assertTrue(bench.containerExists(TEST, bucket));
    }

    @Test
    void anUnknownCannedAclIsInvalidArgumentAndCreatesNothing() throws SwiftException {
        String bucket = bucket("acl", TEST);
        assertEquals(S3ErrorCode.INVALID_ARGUMENT,
                bench.failure(TEST, "PUT", "/" + bucket, "", "x-amz-acl", "public").code());
        assertFalse(bench.containerExists(TEST, bucket));
        assertNull(bench.registryOwner(bucket));
        assertEquals(200, bench.send(TEST, "PUT", "/" + bucket, "", "x-amz-acl", "private").status());
    }

    @Test
    void deleteBucketRefusesANonEmptyBucketAndOtherwiseFreesTheName() throws SwiftException {
        String bucket = bucket("delete", TEST);
        cleanups.add(() -> bench.cleanUp(TEST2, bucket));
        bench.send(TEST, "PUT", "/" + bucket, "");
        bench.putObject(TEST, bucket, "k", "v");
        assertEquals(S3ErrorCode.BUCKET_NOT_EMPTY, bench.failure(TEST, "DELETE", "/" + bucket, "").code());
        assertTrue(bench.containerExists(TEST, bucket));

        bench.swift(TEST).objects().delete(bucket, "k", SwiftHeaders.empty());
        assertEquals(204, bench.send(TEST, "DELETE", "/" + bucket, "").status());
        assertFalse(bench.containerExists(TEST, bucket));
        assertNull(bench.registryOwner(bucket));
        assertEquals(200, bench.send(TEST2, "PUT", "/" + bucket, "").status(), "the name is free again");
    }

    @Test
    void deleteBucketTakesTheSegmentsOfUnfinishedUploadsWithIt() throws SwiftException {
        String bucket = bucket("segments", TEST);
        String segments = bucket + "_segments";
        cleanups.add(() -> bench.cleanUp(TEST, segments));
        bench.send(TEST, "PUT", "/" + bucket, "");
        bench.swift(TEST).containers().create(segments, SwiftHeaders.empty());
        bench.putObject(TEST, segments, "upload-1/00001", "part");
        bench.putObject(TEST, segments, "upload-1/00002", "part");
        assertEquals(204, bench.send(TEST, "DELETE", "/" + bucket, "").status());
        assertFalse(bench.containerExists(TEST, bucket));
        assertFalse(bench.containerExists(TEST, segments));
    }

    @Test
    void headLocationVersioningAclAndTaggingOfYourOwnBucket() {
        String bucket = bucket("subresources", TEST);
        bench.send(TEST, "PUT", "/" + bucket, "");
        S3Response head = bench.send(TEST, "HEAD", "/" + bucket, "");
        assertEquals(200, head.status());
        assertEquals("us-east-1", head.header("x-amz-bucket-region"));
        assertNull(head.body());

        assertTrue(bodyText(bench.send(TEST, "GET", "/" + bucket, "location"))
                .endsWith("<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"));
        assertTrue(bodyText(bench.send(TEST, "GET", "/" + bucket, "versioning"))
                .endsWith("<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"));
        String acl = bodyText(bench.send(TEST, "GET", "/" + bucket, "acl"));
        assertTrue(acl.contains("<Owner><ID>AUTH_test</ID><DisplayName>test:tester</DisplayName></Owner>"), acl);
        assertTrue(acl.contains("<Permission>FULL_CONTROL</Permission>"), acl);
        assertEquals(200, bench.send(TEST, "PUT", "/" + bucket, "acl", "x-amz-acl", "private").status());
        assertEquals(200, bench.send(TEST, "PUT", "/" + bucket, "acl", "x-amz-acl", "public-read").status());
        assertTrue(bodyText(bench.send(TEST, "GET", "/" + bucket, "acl"))
                .contains("<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI>"));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT,
                bench.failure(TEST, "PUT", "/" + bucket, "acl", "x-amz-acl", "public").code());
        assertEquals(S3ErrorCode.NO_SUCH_TAG_SET, bench.failure(TEST, "GET", "/" + bucket, "tagging").code());
        assertEquals(204, bench.send(TEST, "DELETE", "/" + bucket, "tagging").status(), "nothing to delete");
        assertEquals(S3ErrorCode.MISSING_REQUEST_BODY, bench.failure(TEST, "PUT", "/" + bucket, "versioning").code());
    }

    @Test
    void listBucketsShowsBucketsButNeverSegmentsContainers() throws SwiftException {
        String bucket = bucket("listed", TEST);
        String segments = bucket + "_segments";
        cleanups.add(() -> bench.cleanUp(TEST, segments));
        bench.send(TEST, "PUT", "/" + bucket, "");
        bench.swift(TEST).containers().create(segments, SwiftHeaders.empty());
        String listing = bodyText(bench.send(TEST, "GET", "/", ""));
        assertTrue(listing.contains("<Owner><ID>AUTH_test</ID><DisplayName>test:tester</DisplayName></Owner>"));
        assertTrue(listing.matches("(?s).*<Bucket><Name>" + bucket
                + "</Name><CreationDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z</CreationDate></Bucket>.*"),
                listing);
        assertFalse(listing.contains("_segments"), listing);
    }

    @Test
    void ofTwoAccountsRacingForOneNameExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String bucket = bucket("race", TEST);
                cleanups.add(() -> bench.cleanUp(TEST2, bucket));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<String> first = pool.submit(() -> createAfter(start, TEST, bucket));
                Future<String> second = pool.submit(() -> createAfter(start, TEST2, bucket));
                String firstOutcome = first.get(60, TimeUnit.SECONDS);
                List<String> outcomes = new ArrayList<>(List.of(firstOutcome, second.get(60, TimeUnit.SECONDS)));
                outcomes.sort(null);
                assertEquals(List.of("200", "BucketAlreadyExists"), outcomes, bucket);
                boolean testWon = firstOutcome.equals("200");
                assertEquals(testWon, bench.containerExists(TEST, bucket));
                assertEquals(!testWon, bench.containerExists(TEST2, bucket));
                assertEquals(testWon ? "AUTH_test" : "AUTH_test2", bench.registryOwner(bucket));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String createAfter(CyclicBarrier start, HandlerBench.User user, String bucket) throws Exception {
        start.await();
        try {
            return Integer.toString(bench.send(user, "PUT", "/" + bucket, "").status());
        } catch (S3Exception refused) {
            return refused.code().wireCode();
        }
    }

    /** The registry, but right after its first claim {@code meanwhile} runs. */
    private static BucketRegistry runningAfterFirstClaim(BucketRegistry registry, Runnable meanwhile) {
        return new BucketRegistry() {
            private boolean ran;

            @Override
            public Claim claim(String bucket, String account) throws SwiftException {
                Claim claim = registry.claim(bucket, account);
                if (!ran) {
                    ran = true;
                    meanwhile.run();
                }
                return claim;
            }

            @Override
            public Optional<String> hold(String bucket) throws SwiftException {
                return registry.hold(bucket);
            }

            @Override
            public void settle(String bucket, String hold) throws SwiftException {
                registry.settle(bucket, hold);
            }

            @Override
            public void drop(String bucket, String hold) throws SwiftException {
                registry.drop(bucket, hold);
            }

            @Override
            public void forgetUnlessHeld(String bucket) throws SwiftException {
                registry.forgetUnlessHeld(bucket);
            }

            @Override
            public Optional<String> ownerOf(String bucket) throws SwiftException {
                return registry.ownerOf(bucket);
            }

            @Override
            public void release(String bucket, String account) throws SwiftException {
                registry.release(bucket, account);
            }
        };
    }

    /**
     * Two users of one account create the same bucket at once, the interleaving forced (no timing): test:tester3,
     * who may not create containers, claims the name first; test:tester creates the bucket while that claim
     * stands; then tester3's create fails. The name must stay recorded for the account, so no other account can
     * take it.
     */
    @Test
    void aFailedCreateDoesNotReleaseTheClaimAnotherUserOfTheAccountCreatedTheBucketWith() throws Exception {
        String bucket = HandlerBench.uniqueBucket("race");
        cleanups.add(() -> bench.cleanUp(TEST, bucket));
        cleanups.add(() -> bench.cleanUp(TEST2, bucket));
        try (HandlerBench tester3Bench = new HandlerBench(registry -> runningAfterFirstClaim(registry,
                () -> assertEquals(200, bench.send(TEST, "PUT", "/" + bucket, "").status())))) {
            assertEquals(S3ErrorCode.ACCESS_DENIED, tester3Bench.failure(TEST3, "PUT", "/" + bucket, "").code());
        }
        assertTrue(bench.containerExists(TEST, bucket));
        assertEquals("AUTH_test", bench.registryOwner(bucket));
        assertEquals(S3ErrorCode.BUCKET_ALREADY_EXISTS, bench.failure(TEST2, "PUT", "/" + bucket, "").code());
        assertFalse(bench.containerExists(TEST2, bucket));
    }

    /**
     * The other order: test:tester finds the name already its account's (claimed by a request that then fails),
     * and that failed request forgets the record before tester holds it. Tester's hold finds the record gone and
     * claims the name anew, so the bucket it creates is recorded.
     */
    @Test
    void aCreateWhoseClaimWasForgottenBeforeItHeldItClaimsTheNameAgain() throws Exception {
        String bucket = HandlerBench.uniqueBucket("reclaim");
        cleanups.add(() -> bench.cleanUp(TEST, bucket));
        cleanups.add(() -> bench.cleanUp(TEST2, bucket));
        assertEquals(BucketRegistry.Claim.CLAIMED, bench.registry.claim(bucket, "AUTH_test"));   // tester3's claim
        try (HandlerBench testerBench = new HandlerBench(registry -> runningAfterFirstClaim(registry, () -> {
            try {
                registry.forgetUnlessHeld(bucket);   // tester3's create failed and nobody held the record yet
            } catch (SwiftException e) {
                throw new AssertionError(e);
            }
        }))) {
            assertEquals(200, testerBench.send(TEST, "PUT", "/" + bucket, "").status());
        }
        assertEquals("AUTH_test", bench.registryOwner(bucket));
        assertEquals(S3ErrorCode.BUCKET_ALREADY_EXISTS, bench.failure(TEST2, "PUT", "/" + bucket, "").code());
    }
}
