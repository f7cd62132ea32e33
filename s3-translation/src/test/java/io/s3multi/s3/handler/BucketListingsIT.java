package io.s3multi.s3.handler;

import static io.s3multi.s3.handler.HandlerBench.TEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CommonPrefix;
import io.s3multi.s3.xml.documents.ListBucketResult;
import io.s3multi.s3.xml.documents.ListVersionsResult;
import io.s3multi.swift.error.SwiftException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ListObjects, ListObjectsV2 and ListObjectVersions against the dev Swift, in-process. */
class BucketListingsIT {

    /** Keys S3 clients get wrong when a gateway normalises, decodes twice or drops characters. */
    static final List<String> AWKWARD_KEYS = List.of("a b", "a+b", "100%", "100%25", "what?", "hash#tag",
            "double//slash", "dots/../up", "trailing/", "zé/ünï", "😀", "semi;colon", "amp&eq=", "tab\tkey");

    private static HandlerBench bench;
    private static String bucket;

    @BeforeAll
    static void fill() throws SwiftException {
        bench = new HandlerBench();
        bucket = HandlerBench.uniqueBucket("listing");
        bench.send(TEST, "PUT", "/" + bucket, "");
        for (int i = 0; i < 25; i++) {
            bench.putObject(TEST, bucket, String.format("flat/key-%02d", i), "v" + i);
        }
        for (String dir : List.of("d1", "d2", "d3")) {
            for (int i = 0; i < 4; i++) {
                bench.putObject(TEST, bucket, "tree/" + dir + "/f" + i, "x");
            }
        }
        bench.putObject(TEST, bucket, "tree/top", "x");
        for (String key : AWKWARD_KEYS) {
            bench.putObject(TEST, bucket, "odd/" + key, key);
        }
    }

    @AfterAll
    static void drop() {
        bench.cleanUp(TEST, bucket);
        bench.close();
    }

    @Test
    void v2PagesThroughTwentyFiveKeysTenAtATime() {
        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        ListBucketResult page;
        do {
            page = v2("prefix=flat/&max-keys=10" + (token == null ? "" : "&continuation-token=" + token));
            page.contents().forEach(c -> keys.add(c.key()));
            assertEquals(page.contents().size(), page.keyCount());
            assertEquals(10, page.maxKeys());
            token = page.nextContinuationToken();
            pages++;
            assertEquals(page.isTruncated(), token != null);
        } while (page.isTruncated());
        assertEquals(3, pages);
        assertEquals(IntStream.range(0, 25).mapToObj(i -> String.format("flat/key-%02d", i)).toList(), keys);
    }

    @Test
    void v2ContentsCarryEtagSizeTimeAndStorageClass() {
        ListBucketResult page = v2("prefix=flat/key-03&fetch-owner=true");
        assertEquals(1, page.contents().size());
        ListBucketResult.Contents key = page.contents().get(0);
        assertEquals("flat/key-03", key.key());
        assertEquals(2, key.size());
        assertEquals("\"" + md5Hex("v3") + "\"", key.eTag());
        assertEquals("STANDARD", key.storageClass());
        assertNotNull(key.lastModified());
        assertEquals("AUTH_test", key.owner().id());
        assertNull(v2("prefix=flat/key-03").contents().get(0).owner(), "no owner without fetch-owner");
    }

    @Test
    void delimiterRollsUpCommonPrefixesAcrossPages() {
        List<String> seen = new ArrayList<>();
        String token = null;
        ListBucketResult page;
        int pages = 0;
        do {
            page = v2("prefix=tree/&delimiter=/&max-keys=2" + (token == null ? "" : "&continuation-token=" + token));
            page.commonPrefixes().forEach(p -> seen.add("P:" + p.prefix()));
            page.contents().forEach(c -> seen.add("K:" + c.key()));
            assertEquals(page.commonPrefixes().size() + page.contents().size(), page.keyCount());
            token = page.nextContinuationToken();
            pages++;
        } while (page.isTruncated());
        assertEquals(List.of("K:tree/top", "P:tree/d1/", "P:tree/d2/", "P:tree/d3/"), sortedByKind(seen));
        assertEquals(2, pages);
    }

    @Test
    void v1PagesWithMarkerAndNextMarker() {
        ListBucketResult first = v1("prefix=tree/&delimiter=/&max-keys=2");
        assertTrue(first.isTruncated());
        assertEquals("tree/d2/", first.nextMarker());
        assertEquals("", first.marker());
        ListBucketResult second = v1("prefix=tree/&delimiter=/&max-keys=2&marker=tree/d2/");
        assertEquals(List.of("tree/d3/"), second.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        assertEquals(List.of("tree/top"), second.contents().stream().map(ListBucketResult.Contents::key).toList());
        assertFalse(second.isTruncated());
        assertNull(second.nextMarker());
        assertEquals("AUTH_test", second.contents().get(0).owner().id(), "V1 always shows the owner");
    }

    @Test
    void awkwardKeysComeBackExactlyPlainAndUrlEncoded() {
        List<String> expected = AWKWARD_KEYS.stream().map(k -> "odd/" + k)
                .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                        b.getBytes(StandardCharsets.UTF_8)))
                .toList();
        List<String> plain = v2("prefix=odd/").contents().stream().map(ListBucketResult.Contents::key).toList();
        assertEquals(expected, plain);

        ListBucketResult encoded = v2("prefix=odd/&encoding-type=url");
        assertEquals("url", encoded.encodingType());
        List<String> decoded = encoded.contents().stream()
                .map(c -> URLDecoder.decode(c.key(), StandardCharsets.UTF_8)).toList();
        assertEquals(expected, decoded);
        assertTrue(encoded.contents().stream().allMatch(c -> c.key().matches("[A-Za-z0-9._~/%-]+")));
    }

    @Test
    void startAfterAndPagingOverAwkwardKeysOneAtATime() {
        List<String> seen = new ArrayList<>();
        String token = null;
        ListBucketResult page;
        do {
            page = v2("prefix=odd/&max-keys=1&encoding-type=url"
                    + (token == null ? "" : "&continuation-token=" + token));
            page.contents().forEach(c -> seen.add(URLDecoder.decode(c.key(), StandardCharsets.UTF_8)));
            token = page.nextContinuationToken();
        } while (page.isTruncated());
        assertEquals(AWKWARD_KEYS.size(), seen.size());
        ListBucketResult after = v2("prefix=odd/&start-after=" + enc("odd/a b"));
        assertEquals(seen.subList(seen.indexOf("odd/a b") + 1, seen.size()),
                after.contents().stream().map(ListBucketResult.Contents::key).toList());
    }

    @Test
    void versionsListEveryKeyOnceAsTheNullVersion() {
        ListVersionsResult first = versions("prefix=flat/&max-keys=20");
        assertEquals(20, first.entries().size());
        assertTrue(first.isTruncated());
        assertEquals("flat/key-19", first.nextKeyMarker());
        assertEquals("null", first.nextVersionIdMarker());
        ListVersionsResult.Version version = (ListVersionsResult.Version) first.entries().get(0);
        assertEquals("null", version.versionId());
        assertTrue(version.isLatest());
        assertEquals("AUTH_test", version.owner().id());
        ListVersionsResult rest = versions("prefix=flat/&key-marker=flat/key-19&version-id-marker=null");
        assertEquals(5, rest.entries().size());
        assertFalse(rest.isTruncated());

        ListVersionsResult tree = versions("prefix=tree/&delimiter=/");
        assertEquals(3, tree.commonPrefixes().size());
        assertEquals(1, tree.entries().size());
    }

    @Test
    void badParametersAreInvalidArgument() {
        for (String query : List.of("list-type=2&max-keys=-1", "list-type=2&max-keys=ten",
                "list-type=2&continuation-token=bogus", "list-type=2&encoding-type=base64", "max-keys=1.5",
                "versions&version-id-marker=null")) {
            assertEquals(S3ErrorCode.INVALID_ARGUMENT, bench.failure(TEST, "GET", "/" + bucket, query).code(), query);
        }
    }

    @Test
    void maxKeysZeroListsNothingAndIsNotTruncated() {
        ListBucketResult page = v2("max-keys=0");
        assertEquals(0, page.keyCount());
        assertFalse(page.isTruncated());
    }

    private static List<String> sortedByKind(List<String> items) {
        return items.stream().sorted().toList();
    }

    private static ListBucketResult v2(String query) {
        return read(bench.send(TEST, "GET", "/" + bucket, "list-type=2&" + encodeValues(query)),
                ListBucketResult.class);
    }

    private static ListBucketResult v1(String query) {
        return read(bench.send(TEST, "GET", "/" + bucket, encodeValues(query)), ListBucketResult.class);
    }

    private static ListVersionsResult versions(String query) {
        return read(bench.send(TEST, "GET", "/" + bucket, "versions&" + encodeValues(query)), ListVersionsResult.class);
    }

    /** Encodes the values of a readable query (values here contain no & or =, except pre-encoded ones). */
    private static String encodeValues(String query) {
        List<String> pieces = new ArrayList<>();
        for (String piece : query.split("&")) {
            int eq = piece.indexOf('=');
            String value = eq < 0 ? null : piece.substring(eq + 1);
            pieces.add(eq < 0 ? piece : piece.substring(0, eq) + "="
                    + (value.contains("%") ? value : enc(value)));
        }
        return String.join("&", pieces);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T read(S3Response response, Class<T> type) {
        var out = new ByteArrayOutputStream();
        try {
            response.body().writeTo(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return S3Xml.read(new ByteArrayInputStream(out.toByteArray()), type, 16 * 1024 * 1024);
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
