package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftTraffic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * ListObjectVersions over a real version history in the dev Swift: a history written with the AWS SDK (PUT, PUT,
 * DELETE writing a marker, a multipart Complete, a PUT while versioning is suspended), listed whole, one entry per
 * page, with a delimiter, with awkward names URL-encoded, by awscli and by rclone; what a page costs in Swift
 * listings; AWS's errors for bad parameters.
 */
class ListObjectVersionsIT extends S3IntegrationTest {

    private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=(\\d+)");
    /** Names that break gateways that normalise, decode twice or write XML carelessly. */
    private static final List<String> AWKWARD = List.of("odd/zé ünï 😀", "odd/100%", "odd/100%25",
            "odd/a+b c?d#e");
    private static final String DOUBLE_SLASH = "odd//double//";

    private static String bucket;
    /** The whole history, newest first within each key, as the test wrote it. */
    private static final List<Entry> HISTORY = new ArrayList<>();

    /** One entry of a versions listing, as the SDK shows it; {@code etag} is null for a delete marker. */
    record Entry(String key, String versionId, boolean latest, String etag, long size) {

        boolean isMarker() {
            return etag == null;
        }

        /** The entry without its version id, to compare with what the test wrote. */
        String written() {
            return key + (isMarker() ? " marker" : " " + etag + " " + size) + (latest ? " latest" : "");
        }
    }

    @BeforeAll
    static void writeHistory() throws Exception {
        bucket = S3TestGateway.uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        put("plain", "written before versioning");
        versioning(bucket, true);

        put("doc", "one");
        put("doc", "two");
        s3().deleteObject(b -> b.bucket(bucket).key("doc"));
        put("mp", "small first");
        String multipartEtag = multipart("mp");
        put("dir/a", "a1");
        put("dir/a", "a2");
        put("dir/b", "b1");
        s3().deleteObject(b -> b.bucket(bucket).key("dir/b"));
        put("top", "t1");
        for (String key : AWKWARD) {
            put(key, key + " 1");
            put(key, key + " 2");
        }
        // The Java SDK signs "//" in a path differently from what it sends (see ObjectKeysIT): written in Swift.
        swiftPut(bucket, DOUBLE_SLASH, DOUBLE_SLASH + " 1");
        swiftPut(bucket, DOUBLE_SLASH, DOUBLE_SLASH + " 2");
        s3().deleteObject(b -> b.bucket(bucket).key(AWKWARD.get(0)));
        versioning(bucket, false);
        put("doc", "three while suspended");

        HISTORY.addAll(List.of(
                written("dir/a", "a2", true), written("dir/a", "a1", false),
                marker("dir/b", true), written("dir/b", "b1", false),
                written("doc", "three while suspended", true), marker("doc", false), written("doc", "two", false),
                written("doc", "one", false),
                new Entry("mp", null, true, multipartEtag, 5 * 1024 * 1024 + 3), written("mp", "small first", false)));
        for (String key : concat(AWKWARD, DOUBLE_SLASH)) {
            if (key.equals(AWKWARD.get(0))) {
                HISTORY.add(marker(key, true));
            }
            HISTORY.add(written(key, key + " 2", !key.equals(AWKWARD.get(0))));
            HISTORY.add(written(key, key + " 1", false));
        }
        HISTORY.addAll(List.of(written("plain", "written before versioning", true), written("top", "t1", true)));
        HISTORY.sort(Comparator.comparing(Entry::key, ListObjectVersionsIT::utf8Order));  // stable: keeps age order
    }

    @AfterAll
    static void dropBucket() throws SwiftException {
        dropVersioned(bucket);
    }

    @Test
    void oneListingShowsTheWholeHistoryNewestFirstWithSwiftsVersionIds() throws Exception {
        ListObjectVersionsResponse page = s3().listObjectVersions(b -> b.bucket(bucket));
        assertEquals(written(HISTORY, false), written(versions(page), false));
        assertEquals(written(HISTORY, true), written(markers(page), true));
        List<Entry> listed = new ArrayList<>(versions(page));
        listed.addAll(markers(page));
        List<String> swiftIds = new ArrayList<>();
        List<String> swiftMarkerIds = new ArrayList<>();
        for (VersionEntry version : swift().containers().listVersions(bucket, ListingQuery.all(), null).entries()) {
            (version.isDeleteMarker() ? swiftMarkerIds : swiftIds).add(version.name() + "@" + version.versionId());
        }
        swiftIds.addAll(swiftMarkerIds);
        assertEquals(swiftIds, listed.stream().map(e -> e.key() + "@" + e.versionId()).toList(),
                "the version ids are Swift's, in Swift's order");
        assertEquals("null", listed.stream().filter(e -> e.key().equals("plain")).findFirst().orElseThrow()
                .versionId());
        assertEquals("null", listed.stream().filter(e -> e.key().equals("doc")).findFirst().orElseThrow().versionId(),
                "the PUT while suspended wrote the null version");
        assertEquals(listed.size(), listed.stream().map(e -> e.key() + "@" + e.versionId()).distinct().count());
    }

    @Test
    void pagesOfOneEntryReturnExactlyTheHistory() {
        List<Entry> seen = new ArrayList<>();
        List<ListObjectVersionsResponse> pages = s3().listObjectVersionsPaginator(b -> b.bucket(bucket).maxKeys(1))
                .stream().toList();
        for (ListObjectVersionsResponse page : pages) {
            List<Entry> entries = entries(page);
            assertEquals(1, entries.size(), page.toString());
            if (page.isTruncated()) {
                assertEquals(entries.get(0).key(), page.nextKeyMarker());
                assertEquals(entries.get(0).versionId(), page.nextVersionIdMarker());
            }
            seen.addAll(entries);
        }
        assertEquals(HISTORY.stream().map(Entry::written).toList(), seen.stream().map(Entry::written).toList());
        assertEquals(HISTORY.size(), pages.size());
    }

    @Test
    void aDelimiterRollsUpEachPrefixOnceAndAPrefixListsItsHistory() {
        List<ListObjectVersionsResponse> pages = s3().listObjectVersionsPaginator(b -> b.bucket(bucket)
                .delimiter("/").maxKeys(2)).stream().toList();
        List<String> prefixes = pages.stream().flatMap(p -> p.commonPrefixes().stream()).map(CommonPrefix::prefix)
                .toList();
        assertEquals(List.of("dir/", "odd/"), prefixes);
        List<Entry> top = HISTORY.stream().filter(e -> !e.key().contains("/")).toList();
        assertEquals(written(top, false), written(pages.stream().flatMap(p -> versions(p).stream()).toList(), false));
        assertEquals(written(top, true), written(pages.stream().flatMap(p -> markers(p).stream()).toList(), true));
        pages.forEach(p -> assertTrue(p.commonPrefixes().size() + entries(p).size() <= 2, p.toString()));

        List<Entry> under = inOrder(b -> b.prefix("dir/").delimiter("/"));
        assertEquals(HISTORY.stream().filter(e -> e.key().startsWith("dir/")).map(Entry::written).toList(),
                under.stream().map(Entry::written).toList());
        ListObjectVersionsResponse odd = s3().listObjectVersions(b -> b.bucket(bucket).prefix("odd/").delimiter("/"));
        assertEquals(List.of("odd//"), odd.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
    }

    @Test
    void awkwardNamesComeBackExactlyWhenUrlEncoded() {
        List<Entry> seen = new ArrayList<>();
        s3().listObjectVersionsPaginator(b -> b.bucket(bucket).prefix("odd/").encodingType(EncodingType.URL)
                .maxKeys(1)).forEach(page -> {
                    assertEquals(EncodingType.URL, page.encodingType());
                    seen.addAll(entries(page));
                });
        assertEquals(HISTORY.stream().filter(e -> e.key().startsWith("odd/")).map(Entry::written).toList(),
                seen.stream().map(Entry::written).toList());
    }

    @Test
    void aPageStartingInsideAKeyShowsNoLatestVersionOfIt() {
        Entry newest = HISTORY.stream().filter(e -> e.key().equals("doc")).findFirst().orElseThrow();
        String newestId = inOrder(b -> b.prefix("doc")).get(0).versionId();
        assertEquals("null", newestId);
        List<Entry> rest = inOrder(b -> b.prefix("doc").keyMarker("doc").versionIdMarker(newestId));
        assertEquals(HISTORY.stream().filter(e -> e.key().equals("doc") && e != newest).map(Entry::written).toList(),
                rest.stream().map(Entry::written).toList(), "after the null version come all others, none latest");
        String markerId = rest.get(0).versionId();
        List<Entry> afterMarker = entries(s3().listObjectVersions(b -> b.bucket(bucket).keyMarker("doc")
                .versionIdMarker(markerId).maxKeys(3)));
        assertEquals(List.of("doc " + etag("two") + " 3", "doc " + etag("one") + " 3"),
                afterMarker.subList(0, 2).stream().map(Entry::written).toList());
        assertEquals("mp", afterMarker.get(2).key());
        assertTrue(afterMarker.get(2).latest(), "the next key's first version is its latest");
    }

    @Test
    void badParametersAreInvalidArgument() {
        List<Consumer<ListObjectVersionsRequest.Builder>> bad = List.of(
                b -> b.versionIdMarker("null"),
                b -> b.keyMarker("doc").versionIdMarker("not-a-version"),
                b -> b.maxKeys(-1),
                b -> b.encodingType("base64"));
        for (Consumer<ListObjectVersionsRequest.Builder> request : bad) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> s3().listObjectVersions(b -> request.accept(b.bucket(bucket))));
            assertEquals(400, refused.statusCode());
            assertEquals("InvalidArgument", refused.awsErrorDetails().errorCode(), refused.getMessage());
        }
        S3Exception missing = assertThrows(S3Exception.class,
                () -> s3().listObjectVersions(b -> b.bucket(S3TestGateway.uniqueBucket())));
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
    }

    @Test
    void everyPageCostsOneSwiftListingOfAboutItsOwnSize() throws Exception {
        String many = S3TestGateway.uniqueBucket();
        s3().createBucket(b -> b.bucket(many));
        try {
            versioning(many, true);
            for (int i = 0; i < 30; i++) {
                swiftPut(many, "p/x", "v" + i);
            }
            for (int i = 0; i < 12; i++) {
                swiftPut(many, "k", "v" + i);
            }
            for (int i = 0; i < 6; i++) {
                swiftPut(many, "v1.x", "v" + i);
            }
            swiftPut(many, "z", "last");
            int pages = 0;
            int listed = 0;
            String keyMarker = null;
            String versionMarker = null;
            ListObjectVersionsResponse page;
            do {
                String key = keyMarker;
                String version = versionMarker;
                Cost<ListObjectVersionsResponse> cost = cost(many, () -> s3().listObjectVersions(b -> b.bucket(many)
                        .delimiter("/").maxKeys(5).keyMarker(key).versionIdMarker(version)));
                cost.assertOneListingOfAtMost(6, "page after " + key + "@" + version);
                page = cost.result();
                listed += page.versions().size() + page.commonPrefixes().size();
                keyMarker = page.nextKeyMarker();
                versionMarker = page.nextVersionIdMarker();
                pages++;
            } while (page.isTruncated());
            assertEquals(20, listed, "12 versions of k, the prefix p/ once for its 30, 6 of v1.x, z");
            assertEquals(4, pages);

            // Swift refuses a delimiter with a character of a version id (digits, '.') in versions listings, so
            // the gateway rolls those up itself: the six versions under v1. cost one listing more, not six.
            Cost<ListObjectVersionsResponse> rolled = cost(many, () -> s3().listObjectVersions(b -> b.bucket(many)
                    .prefix("v").delimiter(".").maxKeys(3)));
            assertEquals(List.of("v1."), rolled.result().commonPrefixes().stream().map(CommonPrefix::prefix).toList());
            assertTrue(rolled.result().versions().isEmpty());
            assertEquals(2, rolled.listings().size(), rolled.requests().toString());
        } finally {
            dropVersioned(many);
        }

        String plain = S3TestGateway.uniqueBucket();
        s3().createBucket(b -> b.bucket(plain));
        try {
            for (int i = 0; i < 12; i++) {
                swiftPut(plain, "n" + i, "x");
            }
            Cost<ListObjectVersionsResponse> unversioned = cost(plain, () -> s3().listObjectVersions(b -> b
                    .bucket(plain).maxKeys(5)));
            unversioned.assertOneListingOfAtMost(6, "never-versioned bucket");
            assertTrue(unversioned.result().versions().stream().allMatch(v -> "null".equals(v.versionId())
                    && v.isLatest()));
        } finally {
            gateway().deleteBucketDirectly(plain);
            RegistryRecords.forget(gateway(), plain);
        }
    }

    /** With --page-size 1 awscli applies the query to each page of one entry: the lines are the listing's order. */
    @Test
    void awscliPagesThroughTheHistory() {
        ToolResult listed = tools().aws("s3api", "list-object-versions", "--bucket", bucket, "--prefix", "d",
                "--page-size", "1", "--output", "text", "--query",
                "[Versions[].[Key,VersionId,IsLatest,ETag,Size], DeleteMarkers[].[Key,VersionId,IsLatest]]")
                .requireSuccess();
        List<String> lines = listed.stdout().lines().map(String::strip).filter(l -> !l.equals("None")).toList();
        List<String> expected = new ArrayList<>();
        for (Entry e : inOrder(b -> b.prefix("d"))) {
            String latest = e.latest() ? "True" : "False";
            expected.add(e.isMarker() ? String.join("\t", e.key(), e.versionId(), latest)
                    : String.join("\t", e.key(), e.versionId(), latest, e.etag(), Long.toString(e.size())));
        }
        assertEquals(HISTORY.stream().filter(e -> e.key().startsWith("d")).count(), expected.size());
        assertEquals(expected, lines, listed.describe());
    }

    @Test
    void rcloneListsOldVersionsBesideTheCurrentOnes() {
        ToolResult listed = tools().run(List.of("/usr/bin/env", "RCLONE_CONFIG_GW_TYPE=s3",
                "RCLONE_CONFIG_GW_PROVIDER=Other", "RCLONE_CONFIG_GW_ENDPOINT=" + gateway().endpoint(),
                "RCLONE_CONFIG_GW_ACCESS_KEY_ID=" + S3TestGateway.TESTER,
                "RCLONE_CONFIG_GW_SECRET_ACCESS_KEY=" + S3TestGateway.TESTER_KEY,
                "RCLONE_CONFIG_GW_REGION=" + S3TestGateway.REGION, "RCLONE_CONFIG=/dev/null",
                "/usr/bin/rclone", "--s3-versions", "--s3-list-chunk", "2", "ls", "gw:" + bucket + "/dir"), null)
                .requireSuccess();
        List<String> lines = listed.stdout().lines().map(String::strip).sorted().toList();
        assertEquals(3, lines.size(), listed.describe());
        assertEquals("2 a", lines.get(0).replaceAll("\\s+", " "), listed.describe());
        assertTrue(lines.get(1).matches("2 a-v\\d{4}-\\d\\d-\\d\\d-\\d{6}-\\d{3}"), listed.describe());
        assertTrue(lines.get(2).matches("2 b-v\\d{4}-\\d\\d-\\d\\d-\\d{6}-\\d{3}"), listed.describe());
    }

    // ---- helpers

    /** A page's entries: its versions, then its delete markers (the SDK keeps the two apart). */
    static List<Entry> entries(ListObjectVersionsResponse page) {
        List<Entry> entries = new ArrayList<>(versions(page));
        entries.addAll(markers(page));
        return entries;
    }

    static List<Entry> versions(ListObjectVersionsResponse page) {
        return page.versions().stream().map(v -> new Entry(v.key(), v.versionId(), v.isLatest(), v.eTag(), v.size()))
                .toList();
    }

    static List<Entry> markers(ListObjectVersionsResponse page) {
        return page.deleteMarkers().stream().map(m -> new Entry(m.key(), m.versionId(), m.isLatest(), null, 0))
                .toList();
    }

    /** The versions and markers of one kind, as written. */
    private static List<String> written(List<Entry> entries, boolean markers) {
        return entries.stream().filter(e -> e.isMarker() == markers).map(Entry::written).toList();
    }

    /** Every entry a listing shows, in its exact order: pages of one entry each (the SDK splits a page by kind). */
    private static List<Entry> inOrder(Consumer<ListObjectVersionsRequest.Builder> request) {
        List<Entry> seen = new ArrayList<>();
        s3().listObjectVersionsPaginator(b -> request.accept(b.bucket(bucket).maxKeys(1)))
                .forEach(page -> seen.addAll(entries(page)));
        return seen;
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static Entry written(String key, String body, boolean latest) {
        return new Entry(key, null, latest, "\"" + md5(body) + "\"", body.getBytes(StandardCharsets.UTF_8).length);
    }

    private static Entry marker(String key, boolean latest) {
        return new Entry(key, null, latest, null, 0);
    }

    private static String etag(String body) {
        return "\"" + md5(body) + "\"";
    }

    private static void put(String key, String body) {
        s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
    }

    /** A two-part multipart object (5 MiB + 3 bytes); its S3 ETag. */
    private static String multipart(String key) {
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        Arrays.fill(first, (byte) 'm');
        String etag1 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromString("end")).eTag();
        return s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(u -> u.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
    }

    private static void swiftPut(String container, String key, String body) throws SwiftException {
        swift().objects().put(container, key, body.getBytes(StandardCharsets.UTF_8), SwiftHeaders.empty());
    }

    /** PutBucketVersioning: Enabled, or Suspended. */
    private static void versioning(String bucket, boolean enabled) {
        s3().putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
                .status(enabled ? BucketVersioningStatus.ENABLED : BucketVersioningStatus.SUSPENDED)));
    }

    /** Deletes every version of a versioned bucket, then the bucket (Swift keeps a container with versions). */
    private static void dropVersioned(String container) throws SwiftException {
        swift().containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "false"));
        List<VersionEntry> versions;
        do {
            versions = swift().containers().listVersions(container, ListingQuery.all(), null).entries();
            for (VersionEntry version : versions) {
                swift().objects().deleteVersion(container, version.name(), version.versionId(), SwiftHeaders.empty());
            }
        } while (!versions.isEmpty());
        gateway().deleteBucketDirectly(container);
        RegistryRecords.forget(gateway(), container);
    }

    /** The Swift requests one S3 call made for a bucket. */
    private record Cost<T>(T result, List<SwiftTraffic.Sent> requests) {

        List<SwiftTraffic.Sent> listings() {
            return requests.stream().filter(sent -> sent.method().equals("GET") && sent.query() != null
                    && sent.query().contains("format=json")).toList();
        }

        void assertOneListingOfAtMost(int limit, String what) {
            List<SwiftTraffic.Sent> listings = listings();
            assertEquals(1, listings.size(), what + ": " + requests);
            Matcher asked = LIMIT.matcher(listings.get(0).query());
            assertTrue(asked.find() && Integer.parseInt(asked.group(1)) <= limit, what + ": " + listings);
            assertEquals(1, requests.size(), what + ": " + requests);
        }
    }

    /**
     * The requests to the bucket's container in the owner's account; the authorization's reads of the bucket's
     * record in the registry account are not the listing's cost (AccessControlIT counts them).
     */
    private static <T> Cost<T> cost(String container, Supplier<T> call) {
        List<SwiftTraffic.Sent> seen = new CopyOnWriteArrayList<>();
        String bucketPath;
        try {
            bucketPath = swift().storageUrl().getRawPath() + "/" + container;
        } catch (SwiftException e) {
            throw new IllegalStateException(e);
        }
        T result;
        try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(sent -> {
            if (sent.uri().getRawPath().startsWith(bucketPath)) {
                seen.add(sent);
            }
        })) {
            result = call.get();
        }
        return new Cost<>(result, List.copyOf(seen));
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(String text) {
        return ObjectIT.md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
