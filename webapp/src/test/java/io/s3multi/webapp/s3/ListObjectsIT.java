package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjects, ListObjectsV2 and ListObjectVersions with the SDK (default settings, its paginators), awscli and
 * boto3, over objects written directly into Swift: pagination, common prefixes, awkward keys.
 */
class ListObjectsIT extends S3IntegrationTest {

    /** Keys that break gateways that normalise paths, decode twice, or write XML carelessly. */
    static final List<String> AWKWARD_KEYS = List.of("a b", "a+b", "100%", "100%25", "what?x=1", "hash#tag",
            "double//slash", "dots/../up", "./here", "trailing/", "zé/ünï", "日本語", "😀 smile", "semi;colon",
            "amp&eq=", "tilde~", "quote\"apos'", "<tag>&amp;", "back\\slash", "tab\tkey", "\u0001ctrl");

    private static String bucket;

    @BeforeAll
    static void fillBucket() throws SwiftException {
        bucket = S3TestGateway.uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        for (int i = 0; i < 25; i++) {
            put(String.format("flat/key-%02d", i), "value " + i);
        }
        for (String dir : List.of("d1", "d2", "d3", "d4", "d5")) {
            for (int i = 0; i < 3; i++) {
                put("tree/" + dir + "/f" + i, "x");
            }
        }
        put("tree/top-1", "x");
        for (String key : List.of("multi/x::1", "multi/x::2", "multi/y", "multi/z::a::b")) {
            put(key, "x");
        }
        put("tree/top-2", "x");
        for (String key : AWKWARD_KEYS) {
            put("odd/" + key, key);
        }
    }

    @AfterAll
    static void dropBucket() {
        gateway().deleteBucketDirectly(bucket);
        RegistryRecords.forget(gateway(), bucket);
    }

    private static void put(String key, String content) throws SwiftException {
        swift().objects().put(bucket, key, content.getBytes(StandardCharsets.UTF_8),
                SwiftHeaders.of("Content-Type", "text/plain"));
    }

    @Test
    void v2PaginatorWalksTwentyFiveKeysInPagesOfTen() {
        List<ListObjectsV2Response> pages = s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("flat/")
                .maxKeys(10)).stream().toList();
        assertEquals(3, pages.size());
        assertEquals(List.of(10, 10, 5), pages.stream().map(ListObjectsV2Response::keyCount).toList());
        assertEquals(List.of(true, true, false), pages.stream().map(ListObjectsV2Response::isTruncated).toList());
        List<String> keys = pages.stream().flatMap(p -> p.contents().stream()).map(S3Object::key).toList();
        assertEquals(IntStream.range(0, 25).mapToObj(i -> String.format("flat/key-%02d", i)).toList(), keys);
    }

    @Test
    void v2ListsEtagSizeTimeStorageClassAndOwnerOnRequest() {
        Instant now = Instant.now();
        ListObjectsV2Response page = s3().listObjectsV2(b -> b.bucket(bucket).prefix("flat/key-07").fetchOwner(true));
        assertEquals(1, page.keyCount());
        S3Object object = page.contents().get(0);
        assertEquals("flat/key-07", object.key());
        assertEquals(7L, object.size());
        assertEquals("\"" + md5("value 7") + "\"", object.eTag());
        assertEquals("STANDARD", object.storageClassAsString());
        assertTrue(Duration.between(object.lastModified(), now).abs().toMinutes() < 10, object.toString());
        assertEquals("AUTH_test", object.owner().id());
        assertNull(s3().listObjectsV2(b -> b.bucket(bucket).prefix("flat/key-07")).contents().get(0).owner());
    }

    @Test
    void delimiterPagesMixCommonPrefixesAndKeys() {
        List<ListObjectsV2Response> pages = s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("tree/")
                .delimiter("/").maxKeys(3)).stream().toList();
        List<String> prefixes = pages.stream().flatMap(p -> p.commonPrefixes().stream())
                .map(CommonPrefix::prefix).toList();
        List<String> keys = pages.stream().flatMap(p -> p.contents().stream()).map(S3Object::key).toList();
        assertEquals(List.of("tree/d1/", "tree/d2/", "tree/d3/", "tree/d4/", "tree/d5/"), prefixes);
        assertEquals(List.of("tree/top-1", "tree/top-2"), keys);
        assertEquals(3, pages.size());
        pages.forEach(p -> assertEquals(p.commonPrefixes().size() + p.contents().size(), p.keyCount()));
    }

    @Test
    void v1UsesNextMarkerWithADelimiterAndTheLastKeyWithout() {
        List<ListObjectsResponse> delimited = v1Pages("tree/", "/", 2);
        assertEquals("tree/d2/", delimited.get(0).nextMarker());
        assertEquals(4, delimited.size());
        assertEquals(7, delimited.stream().mapToInt(p -> p.commonPrefixes().size() + p.contents().size()).sum());
        assertEquals("AUTH_test", delimited.get(delimited.size() - 1).contents().get(0).owner().id());

        List<ListObjectsResponse> flat = v1Pages("flat/", null, 10);
        assertEquals(3, flat.size());
        assertNull(flat.get(0).nextMarker());
        assertEquals(25, flat.stream().mapToInt(p -> p.contents().size()).sum());
    }

    /** ListObjects (v1) pages the way SDKs page it: NextMarker, else the last key. */
    private static List<ListObjectsResponse> v1Pages(String prefix, String delimiter, int maxKeys) {
        List<ListObjectsResponse> pages = new ArrayList<>();
        String marker = null;
        ListObjectsResponse page;
        do {
            String from = marker;
            page = s3().listObjects(b -> b.bucket(bucket).prefix(prefix).delimiter(delimiter).maxKeys(maxKeys)
                    .marker(from));
            pages.add(page);
            marker = page.nextMarker() != null ? page.nextMarker()
                    : page.contents().get(page.contents().size() - 1).key();
        } while (page.isTruncated());
        return pages;
    }

    @Test
    void awkwardKeysComeBackExactlyWithAndWithoutUrlEncoding() {
        List<String> expected = AWKWARD_KEYS.stream().map(k -> "odd/" + k).filter(k -> !k.contains("\u0001"))
                .sorted(ListObjectsIT::utf8Order).toList();
        List<String> withEncoding = s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("odd/")
                .encodingType(EncodingType.URL).maxKeys(4)).contents().stream().map(S3Object::key).toList();
        List<String> allExpected = AWKWARD_KEYS.stream().map(k -> "odd/" + k).sorted(ListObjectsIT::utf8Order).toList();
        assertEquals(allExpected, withEncoding);

        List<String> v1 = s3().listObjects(b -> b.bucket(bucket).prefix("odd/").encodingType(EncodingType.URL))
                .contents().stream().map(S3Object::key).toList();
        assertEquals(allExpected, v1);

        // Without encoding XML cannot carry U+0001; every other key still comes back exactly.
        List<String> plain = s3().listObjectsV2(b -> b.bucket(bucket).prefix("odd/")).contents().stream()
                .map(S3Object::key).filter(k -> !k.contains("\uFFFD")).toList();
        assertEquals(expected, plain);
    }

    @Test
    void aDelimiterOfSeveralCharactersRollsUpToo() {
        ListObjectsV2Response page = s3().listObjectsV2(b -> b.bucket(bucket).prefix("multi/").delimiter("::"));
        assertEquals(List.of("multi/x::", "multi/z::"), page.commonPrefixes().stream().map(CommonPrefix::prefix)
                .toList());
        assertEquals(List.of("multi/y"), page.contents().stream().map(S3Object::key).toList());
    }

    @Test
    void startAfterSkipsToTheKeyAfterIt() {
        ListObjectsV2Response page = s3().listObjectsV2(b -> b.bucket(bucket).prefix("flat/")
                .startAfter("flat/key-21"));
        assertEquals(List.of("flat/key-22", "flat/key-23", "flat/key-24"),
                page.contents().stream().map(S3Object::key).toList());
        assertEquals("flat/key-21", page.startAfter());
    }

    @Test
    void versionsOfAnUnversionedBucketAreTheNullVersionOfEachKey() {
        var pages = s3().listObjectVersionsPaginator(b -> b.bucket(bucket).prefix("flat/").maxKeys(10))
                .stream().toList();
        assertEquals(3, pages.size());
        List<ObjectVersion> versions = pages.stream().flatMap(p -> p.versions().stream()).toList();
        assertEquals(25, versions.size());
        assertTrue(versions.stream().allMatch(v -> "null".equals(v.versionId()) && v.isLatest()), versions.toString());
        assertEquals("flat/key-09", pages.get(0).nextKeyMarker());
        assertEquals("null", pages.get(0).nextVersionIdMarker());
        assertTrue(pages.stream().allMatch(p -> p.deleteMarkers().isEmpty()));

        var tree = s3().listObjectVersions(b -> b.bucket(bucket).prefix("tree/").delimiter("/"));
        assertEquals(5, tree.commonPrefixes().size());
        assertEquals(2, tree.versions().size());
    }

    @Test
    void invalidMaxKeysIsInvalidArgument() {
        ToolResult boto3 = tools().boto3(String.join("\n",
                "import botocore.exceptions",
                "s3 = s3_client()",
                "s3.meta.events.register('before-sign.s3.ListObjectsV2',",
                "    lambda request, **kw: setattr(request, 'url', request.url + '&max-keys=-5'))",
                "try:",
                "    s3.list_objects_v2(Bucket='" + bucket + "')",
                "    print('accepted')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['Error']['Code'])"));
        boto3.requireSuccess();
        assertEquals("InvalidArgument", boto3.stdout().strip(), boto3.describe());
    }

    @Test
    void awscliListsRecursivelyAndPagesThroughListObjectsV2() {
        ToolResult ls = tools().aws("s3", "ls", "s3://" + bucket + "/tree/").requireSuccess();
        List<String> lines = ls.stdout().lines().map(String::strip).toList();
        assertEquals(7, lines.size(), ls.describe());
        assertTrue(lines.contains("PRE d1/"), ls.describe());

        ToolResult recursive = tools().aws("s3", "ls", "--recursive", "--page-size", "7", "s3://" + bucket + "/flat/")
                .requireSuccess();
        assertEquals(25, recursive.stdout().lines().count(), recursive.describe());

        ToolResult api = tools().aws("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "odd/",
                "--page-size", "5", "--query", "Contents[].Key", "--output", "json").requireSuccess();
        for (String key : AWKWARD_KEYS) {
            String json = "\"odd/" + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                    .replace("\u0001", "\\u0001") + "\"";
            assertTrue(api.stdout().contains(json), key + " missing from " + api.describe());
        }
    }

    @Test
    void boto3PaginatorListsEveryKeyExactly() {
        ToolResult result = tools().boto3(String.join("\n",
                "import json",
                "s3 = s3_client()",
                "keys = []",
                "pages = 0",
                "for page in s3.get_paginator('list_objects_v2').paginate(Bucket='" + bucket + "', Prefix='odd/',",
                "                                                         PaginationConfig={'PageSize': 3}):",
                "    pages += 1",
                "    keys += [o['Key'] for o in page.get('Contents', [])]",
                "print(pages)",
                "print(json.dumps(keys))"));
        result.requireSuccess();
        List<String> lines = result.stdout().lines().toList();
        assertEquals(Integer.toString((AWKWARD_KEYS.size() + 2) / 3), lines.get(0), result.describe());
        for (String key : AWKWARD_KEYS) {
            String json = "\"odd/" + jsonEscape(key) + "\"";
            assertTrue(lines.get(1).contains(json), key + " missing from " + result.describe());
        }
    }

    @Test
    void anEmptyBucketListsNothing() {
        String empty = uniqueBucket();
        s3().createBucket(b -> b.bucket(empty));
        ListObjectsV2Response page = s3().listObjectsV2(b -> b.bucket(empty));
        assertEquals(0, page.keyCount());
        assertFalse(page.isTruncated());
        assertTrue(page.contents().isEmpty());
        s3().deleteBucket(b -> b.bucket(empty));
    }

    @Test
    void listingAMissingBucketIsNoSuchBucket() {
        S3Exception missing = org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class,
                () -> s3().listObjectsV2(b -> b.bucket(S3TestGateway.uniqueBucket())));
        assertEquals("NoSuchBucket", missing.awsErrorDetails().errorCode());
        assertNotNull(missing.requestId());
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
