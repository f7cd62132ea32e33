package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.http.SwiftTraffic;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.presigner.model.PresignedAbortMultipartUploadRequest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a listing page costs in Swift requests, counted on the gateway's own Swift traffic ({@link SwiftTraffic}):
 * with 2,000 parts stored, every ListParts page of 100 and every ListMultipartUploads page of 100 costs a small,
 * fixed number of container listings, the same on the first page as on the last (Swift's own s3api lists every
 * part for every page).
 *
 * <p>The stored state is built once for the class: 250 uploads created through the gateway, and one of them with
 * 2,000 parts. Its first part is uploaded through the gateway; the other 1,999 are written straight into Swift,
 * under the names and with the headers the gateway gave the first, which is cheaper than 1,999 UploadParts and the
 * same to a listing (uploading 10,000 parts through the gateway is {@link MultipartTenThousandPartsIT}'s job). The
 * listing tests only read that state; the abort of the 2,000-part upload comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultipartListingCostIT extends MultipartIntegrationTest {

    private static final int PARTS = 2000;
    private static final int UPLOADS = 250;
    private static final int PAGE = 100;
    /** One listing with limit page + 1 is what the layout allows; a second one is tolerated, no more. */
    private static final int MAX_LISTINGS_PER_PAGE = 2;
    private static final int MAX_REQUESTS_PER_PAGE = 4;
    private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=(\\d+)");

    private static String bucket;
    private static String many;

    @BeforeAll
    static void storeUploadsAndParts() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        many = s3().createMultipartUpload(b -> b.bucket(bucket).key("many")).uploadId();
        // Without the SDK's checksum: the part's headers then hold nothing that differs from part to part.
        gateway().s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY,
                builder -> builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED))
                .uploadPart(b -> b.bucket(bucket).key("many").uploadId(many).partNumber(1),
                        RequestBody.fromBytes(new byte[] {1}));
        String container = SegmentsLayout.container(bucket);
        UploadId uploadId = new UploadId(many);
        List<String> stored = segmentNames(bucket).stream()
                .filter(name -> name.startsWith(SegmentsLayout.partsPrefix(uploadId))).toList();
        assertEquals(List.of(SegmentsLayout.partsPrefix(uploadId) + "00001"), withoutAttempts(stored));
        SwiftHeaders asTheGatewayWroteIt = partHeaders(swift().objects().head(container, stored.get(0),
                SwiftHeaders.empty()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int number = 2; number <= PARTS; number++) {
                int n = number;
                work.add(pool.submit(() -> swift().objects().put(container, SegmentsLayout.part(uploadId, n,
                        PartAttempt.begunAt(Instant.now())), new byte[] {(byte) n}, asTheGatewayWroteIt)));
            }
            for (int i = 1; i < UPLOADS; i++) {
                String key = String.format("k/%04d", i);
                work.add(pool.submit(() -> s3().createMultipartUpload(b -> b.bucket(bucket).key(key))));
            }
            for (Future<?> done : work) {
                done.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a part's HEAD shows that a PUT sets: its content type and metadata. */
    private static SwiftHeaders partHeaders(SwiftReply head) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder().add("Content-Type", head.header("Content-Type"));
        head.headers().fields().forEach(field -> {
            if (field.getKey().toLowerCase(Locale.ROOT).startsWith("x-object-meta-")) {
                headers.add(field.getKey(), field.getValue());
            }
        });
        return headers.build();
    }

    @AfterAll
    static void deleteBucket() {
        if (bucket != null) {
            gateway().deleteBucketDirectly(bucket);
        }
    }

    @Test
    @Order(1)
    void listPartsPagesCostTheSameListingsWhateverThePartsStored() {
        int marker = 0;
        int pages = 0;
        int listed = 0;
        while (true) {
            int from = marker;
            Cost<ListPartsResponse> page = cost(bucket, () -> s3().listParts(b -> b.bucket(bucket).key("many")
                    .uploadId(many).maxParts(PAGE).partNumberMarker(from)));
            List<Part> parts = page.result().parts();
            assertEquals(PAGE, parts.size());
            assertEquals(from + 1, parts.get(0).partNumber());
            assertEquals(1L, parts.get(0).size());
            page.assertSmall("ListParts page after part " + from);
            listed += parts.size();
            pages++;
            if (!page.result().isTruncated()) {
                break;
            }
            marker = page.result().nextPartNumberMarker();
        }
        assertEquals(PARTS, listed);
        assertEquals(PARTS / PAGE, pages);
    }

    @Test
    @Order(2)
    void listMultipartUploadsPagesCostTheSameListingsWhateverThePartsStored() throws Exception {
        // 2,000 parts of one upload sit in the same segments container as the markers listed here.
        String keyMarker = null;
        String idMarker = null;
        int listed = 0;
        int pages = 0;
        while (true) {
            String key = keyMarker;
            String id = idMarker;
            Cost<ListMultipartUploadsResponse> page = cost(bucket, () -> s3().listMultipartUploads(b -> b
                    .bucket(bucket).maxUploads(PAGE).keyMarker(key).uploadIdMarker(id)));
            List<MultipartUpload> uploads = page.result().uploads();
            assertFalse(uploads.isEmpty());
            page.assertSmall("ListMultipartUploads page after " + key);
            listed += uploads.size();
            pages++;
            if (!page.result().isTruncated()) {
                break;
            }
            keyMarker = page.result().nextKeyMarker();
            idMarker = page.result().nextUploadIdMarker();
        }
        assertEquals(UPLOADS, listed);
        assertEquals((UPLOADS + PAGE - 1) / PAGE, pages);
        assertTrue(segmentNames(bucket).stream().filter(n -> n.startsWith("parts/")).count() >= PARTS);
    }

    @Test
    @Order(3)
    void abortingTheUploadDeletesAllItsParts() throws Exception {
        // Presigned and sent once, with a long timeout: on a loaded machine deleting 2,000 parts can outlast the
        // SDK's 30 s read timeout, and its retry then finds the upload gone while the first abort still deletes.
        PresignedAbortMultipartUploadRequest abort = gateway().presigner().presignAbortMultipartUpload(b -> b
                .signatureDuration(Duration.ofMinutes(15))
                .abortMultipartUploadRequest(r -> r.bucket(bucket).key("many").uploadId(many)));
        HttpResponse<String> aborted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(abort.url().toURI())
                .timeout(Duration.ofMinutes(10)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, aborted.statusCode(), aborted.body());
        assertEquals(List.of(), segmentsOfUpload(bucket, many));
        assertEquals(UPLOADS - 1, S3TestGateway.segmentsBesidesAbortTraces(gateway().swift(), bucket).size(),
                "the other uploads' markers");
    }

    /** The Swift requests one S3 call made for {@code bucket}. */
    private record Cost<T>(T result, List<SwiftTraffic.Sent> requests, String segments) {

        List<SwiftTraffic.Sent> listings() {
            return requests.stream().filter(sent -> sent.method().equals("GET")
                    && sent.uri().getRawPath().endsWith("/" + segments)).toList();
        }

        /**
         * Few listings, each asking Swift for at most a page and one more (so one listing of everything, which
         * Swift would answer in one call up to 10,000 names, does not pass), and few requests in all.
         */
        void assertSmall(String what) {
            List<SwiftTraffic.Sent> listings = listings();
            assertTrue(!listings.isEmpty() && listings.size() <= MAX_LISTINGS_PER_PAGE,
                    what + ": " + listings.size() + " listings of " + segments + " " + requests);
            for (SwiftTraffic.Sent listing : listings) {
                Matcher limit = LIMIT.matcher(listing.query());
                assertTrue(limit.find() && Integer.parseInt(limit.group(1)) <= PAGE + 1,
                        what + ": a listing without a page-sized limit: " + listing);
            }
            assertTrue(requests.size() <= MAX_REQUESTS_PER_PAGE, what + ": " + requests);
        }
    }

    private static <T> Cost<T> cost(String bucket, Supplier<T> call) {
        List<SwiftTraffic.Sent> seen = new CopyOnWriteArrayList<>();
        T result;
        try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(sent -> {
            if (sent.uri().getRawPath().contains("/" + bucket)) {
                seen.add(sent);
            }
        })) {
            result = call.get();
        }
        return new Cost<>(result, List.copyOf(seen), bucket + "_segments");
    }
}
