package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.http.SwiftTraffic;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

import java.util.ArrayList;
import java.util.List;
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
 */
class MultipartListingCostIT extends MultipartIntegrationTest {

    private static final int PARTS = 2000;
    private static final int UPLOADS = 250;
    private static final int PAGE = 100;
    /** One listing with limit page + 1 is what the layout allows; a second one is tolerated, no more. */
    private static final int MAX_LISTINGS_PER_PAGE = 2;
    private static final int MAX_REQUESTS_PER_PAGE = 4;
    private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=(\\d+)");

    @Test
    void listPartsPagesCostTheSameListingsWhateverThePartsStored() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("many")).uploadId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int number = 1; number <= PARTS; number++) {
                int n = number;
                uploads.add(pool.submit(() -> s3().uploadPart(b -> b.bucket(bucket).key("many").uploadId(uploadId)
                        .partNumber(n), RequestBody.fromBytes(new byte[] {(byte) n}))));
            }
            for (Future<?> upload : uploads) {
                upload.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int marker = 0;
        int pages = 0;
        int listed = 0;
        while (true) {
            int from = marker;
            Cost<ListPartsResponse> page = cost(bucket, () -> s3().listParts(b -> b.bucket(bucket).key("many")
                    .uploadId(uploadId).maxParts(PAGE).partNumberMarker(from)));
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
        s3().abortMultipartUpload(b -> b.bucket(bucket).key("many").uploadId(uploadId));
        assertEquals(List.of(), segmentNames(bucket));
    }

    @Test
    void listMultipartUploadsPagesCostTheSameListingsWhateverThePartsStored() throws Exception {
        String bucket = bucket();
        // 2,000 parts of one upload sit in the same segments container as the markers listed here.
        String busy = s3().createMultipartUpload(b -> b.bucket(bucket).key("busy")).uploadId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int number = 1; number <= PARTS; number++) {
                int n = number;
                work.add(pool.submit(() -> s3().uploadPart(b -> b.bucket(bucket).key("busy").uploadId(busy)
                        .partNumber(n), RequestBody.fromBytes(new byte[] {(byte) n}))));
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
