package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.s3multi.swift.bulk.BulkDeleteError;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.http.SwiftTransport;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.slo.ManifestEntry;
import io.s3multi.swift.slo.SloSegment;
import io.s3multi.swift.http.SwiftResponse;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What goes on the wire: paths, queries, headers and bodies exactly as Swift must see them. */
class RequestShapeTest {

    private static final String ACCOUNT = WireMockSwift.ACCOUNT_PATH;

    @RegisterExtension
    static WireMockExtension swift = WireMockSwift.server();

    private SwiftBackend backend;
    private SwiftAccount account;

    @BeforeEach
    void connect() {
        backend = SwiftBackend.start(WireMockSwift.config(swift, Duration.ofSeconds(10)));
        account = WireMockSwift.account(backend, swift);
    }

    @AfterEach
    void disconnect() {
        backend.close();
    }

    @Test
    void aStreamedPutHasAContentLengthAndNothingJettyWouldAdd() throws Exception {
        swift.stubFor(put(urlPathEqualTo(ACCOUNT + "/c/dir/a%3Fb%20c")).willReturn(aResponse().withStatus(201)
                .withHeader("ETag", "0cc175b9c0f1b6a831c399e269772661")));
        // From 1 MiB on, a streamed upload waits for Swift's 100 Continue before its first byte.
        byte[] body = new byte[(int) SwiftTransport.EXPECT_CONTINUE_MIN_BYTES + 300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }

        SwiftReply reply = account.objects().put("c", "dir/a?b c", new ByteArrayInputStream(body), body.length,
                SwiftHeaders.of("ETag", "0cc175b9c0f1b6a831c399e269772661", "X-Object-Meta-Color", "blue",
                        "X-Delete-At", "1999999999", "If-None-Match", "*"));

        assertEquals(201, reply.status());
        assertEquals("0cc175b9c0f1b6a831c399e269772661", reply.etag());
        swift.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/c/dir/a%3Fb%20c"))
                .withHeader("Content-Length", equalTo(Integer.toString(body.length)))
                .withHeader("Transfer-Encoding", absent())
                .withHeader("Expect", equalTo("100-continue"))
                .withHeader("Content-Type", absent())
                .withHeader("User-Agent", absent())
                .withHeader("Accept-Encoding", absent())
                .withHeader("X-Auth-Token", equalTo("AUTH_tk_fixed"))
                .withHeader("ETag", equalTo("0cc175b9c0f1b6a831c399e269772661"))
                .withHeader("X-Object-Meta-Color", equalTo("blue"))
                .withHeader("X-Delete-At", equalTo("1999999999"))
                .withHeader("If-None-Match", equalTo("*"))
                .withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void aSmallStreamedPutSendsItsBodyWithoutWaitingFor100Continue() throws Exception {
        swift.stubFor(put(urlPathEqualTo(ACCOUNT + "/c/small")).willReturn(aResponse().withStatus(201)));
        byte[] body = new byte[64 * 1024];

        account.objects().put("c", "small", new ByteArrayInputStream(body), body.length, SwiftHeaders.empty());

        swift.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/c/small"))
                .withHeader("Content-Length", equalTo(Integer.toString(body.length)))
                .withHeader("Expect", absent())
                .withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void onlyTheRequestingThreadReadsAnUploadBody() throws Exception {
        swift.stubFor(put(urlPathEqualTo(ACCOUNT + "/c/pushed")).willReturn(aResponse().withStatus(201)));
        byte[] body = new byte[(int) SwiftTransport.EXPECT_CONTINUE_MIN_BYTES * 3];
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        InputStream recording = new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                readers.add(Thread.currentThread());
                return super.read(buffer, offset, length);
            }

            @Override
            public int read() throws IOException {
                readers.add(Thread.currentThread());
                return super.read();
            }
        };

        account.objects().put("c", "pushed", recording, body.length, SwiftHeaders.empty());

        // Jetty's threads never block on a client's body: the caller (a servlet thread in the gateway) does.
        assertEquals(Set.of(Thread.currentThread()), readers);
        swift.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/c/pushed")).withRequestBody(binaryEqualTo(body)));
    }

    @Test
    void aServerSideCopyNamesItsSourceEncodedAndSendsNoBody() throws Exception {
        swift.stubFor(put(urlPathEqualTo(ACCOUNT + "/dst/new%20key")).willReturn(aResponse().withStatus(201)));

        account.objects().copy(new ObjectPath("src c", "dir/a?b%#+"), new ObjectPath("dst", "new key"),
                SwiftHeaders.of("Range", "bytes=5-9"));

        swift.verify(putRequestedFor(urlEqualTo(ACCOUNT + "/dst/new%20key"))
                .withHeader("X-Copy-From", equalTo("/src%20c/dir/a%3Fb%25%23%2B"))
                .withHeader("Range", equalTo("bytes=5-9"))
                .withHeader("Content-Length", equalTo("0"))
                .withHeader("Content-Type", absent())
                .withHeader("Expect", absent()));
    }

    @Test
    void aDownloadIsNotInflatedOrDecorated() throws Exception {
        swift.stubFor(get(urlPathEqualTo(ACCOUNT + "/c/o")).willReturn(aResponse().withStatus(206)
                .withHeader("ETag", "\"abc\"").withHeader("Content-Range", "bytes 0-4/10").withBody("hello")));

        try (SwiftResponse response = account.objects().get("c", "o", SwiftHeaders.of("Range", "bytes=0-4"))) {
            assertEquals(206, response.status());
            assertEquals("\"abc\"", response.header("ETag"));
            assertEquals("hello", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        swift.verify(getRequestedFor(urlEqualTo(ACCOUNT + "/c/o"))
                .withHeader("Range", equalTo("bytes=0-4"))
                .withHeader("Accept-Encoding", absent())
                .withHeader("User-Agent", absent()));
    }

    @Test
    void listingParametersAreEncodedIntoTheQuery() throws Exception {
        swift.stubFor(get(urlPathEqualTo(ACCOUNT + "/c")).willReturn(okJson("[]")));

        account.containers().listObjects("c", ListingQuery.all().withPrefix("a/b c").withDelimiter("/")
                .withMarker("a/b c/m&x").withEndMarker("z+").withLimit(2).withReverse(true));

        swift.verify(getRequestedFor(urlEqualTo(ACCOUNT + "/c?format=json&prefix=a%2Fb%20c&delimiter=%2F"
                + "&marker=a%2Fb%20c%2Fm%26x&end_marker=z%2B&limit=2&reverse=true"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void pagingThroughAllFetchesPageByPageAndStopsAtAShortPage() throws Exception {
        String listing = ACCOUNT + "/c?format=json&prefix=p";
        swift.stubFor(get(urlEqualTo(listing + "&limit=2")).willReturn(okJson(entries("pa", "pb"))));
        swift.stubFor(get(urlEqualTo(listing + "&marker=pb&limit=2")).willReturn(okJson(entries("pc", "pd"))));
        swift.stubFor(get(urlEqualTo(listing + "&marker=pd&limit=2")).willReturn(okJson(entries("pe"))));

        var cursor = account.containers().listAllObjects("c", ListingQuery.all().withPrefix("p").withLimit(2));
        var names = cursor.stream().map(ObjectEntry::name).collect(Collectors.toList());

        assertEquals(List.of("pa", "pb", "pc", "pd", "pe"), names);
        // Three pages, and no fourth request for an empty page.
        assertEquals(3, swift.findAll(getRequestedFor(urlPathEqualTo(ACCOUNT + "/c"))).size());
    }

    @Test
    void theAccountListingIsAtTheStorageUrlItself() throws Exception {
        swift.stubFor(get(urlPathEqualTo(ACCOUNT)).willReturn(okJson(
                "[{\"name\": \"photos\", \"count\": 2, \"bytes\": 10, \"last_modified\": \"2024-01-01T00:00:00.000000\"}]")));

        var page = account.containers().listContainers(ListingQuery.all().withPrefix("ph"));

        assertEquals("photos", page.entries().get(0).name());
        assertEquals(2, page.entries().get(0).count());
        swift.verify(getRequestedFor(urlEqualTo(ACCOUNT + "?format=json&prefix=ph")));
    }

    @Test
    void bulkDeleteSendsEncodedPathsInBatchesOfTheAdvertisedSize() throws Exception {
        swift.stubFor(get(urlEqualTo("/info")).willReturn(okJson("{\"bulk_delete\": {\"max_deletes_per_request\": 2}}")));
        swift.stubFor(post(urlEqualTo(ACCOUNT + "?bulk-delete")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("  \r\n\r\n{\"Number Deleted\": 1, \"Number Not Found\": 1, \"Response Status\": \"200 OK\","
                        + " \"Response Body\": \"\", \"Errors\": []}")));

        BulkDeleteResult result = account.bulkDelete().delete(List.of(new ObjectPath("c", "a b"),
                new ObjectPath("c", "dir/x?"), new ObjectPath("c 2", "ü")));

        assertEquals(new BulkDeleteResult(2, 2, List.of()), result);
        List<LoggedRequest> posts = swift.findAll(postRequestedFor(urlEqualTo(ACCOUNT + "?bulk-delete"))
                .withHeader("Content-Type", equalTo("text/plain"))
                .withHeader("Accept", equalTo("application/json")));
        assertEquals(List.of("/c/a%20b\n/c/dir/x%3F\n", "/c%202/%C3%BC\n"),
                posts.stream().map(LoggedRequest::getBodyAsString).collect(Collectors.toList()));
    }

    @Test
    void aBulkDeleteReportsPerPathErrorsAndThrowsWhenTheWholeRequestFailed() throws Exception {
        swift.stubFor(get(urlEqualTo("/info")).willReturn(okJson("{}")));
        swift.stubFor(post(urlEqualTo(ACCOUNT + "?bulk-delete")).willReturn(okJson("{\"Number Deleted\": 0, "
                + "\"Number Not Found\": 0, \"Response Status\": \"400 Bad Request\", \"Response Body\": \"\", "
                + "\"Errors\": [[\"/c/a%20b\", \"409 Conflict\"]]}")));
        BulkDeleteResult partial = account.bulkDelete().delete(List.of(new ObjectPath("c", "a b")));
        assertEquals(List.of(new BulkDeleteError("/c/a b", "409 Conflict")), partial.errors());

        swift.stubFor(post(urlEqualTo(ACCOUNT + "?bulk-delete")).willReturn(okJson("{\"Number Deleted\": 0, "
                + "\"Number Not Found\": 0, \"Response Status\": \"413 Request Entity Too Large\", "
                + "\"Response Body\": \"Maximum Bulk Deletes: 1 per request\", \"Errors\": []}")));
        SwiftHttpStatusException refused = assertThrows(SwiftHttpStatusException.class,
                () -> account.bulkDelete().delete(List.of(new ObjectPath("c", "a"))));
        assertEquals(413, refused.status());
        assertTrue(refused.bodySnippet().contains("Maximum Bulk Deletes"));
    }

    @Test
    void sloManifestsArePutReadAndDeletedWithTheirQueryParameters() throws Exception {
        String manifest = ACCOUNT + "/b/big%20file";
        swift.stubFor(put(urlEqualTo(manifest + "?multipart-manifest=put")).willReturn(aResponse().withStatus(201)
                .withHeader("ETag", "\"slo-etag\"")));
        swift.stubFor(get(urlEqualTo(manifest + "?multipart-manifest=get")).willReturn(okJson(
                "[{\"name\": \"/b_segments/big file/1\", \"hash\": \"h1\", \"bytes\": 5}]")
                .withHeader("X-Static-Large-Object", "True")));
        swift.stubFor(delete(urlEqualTo(manifest + "?multipart-manifest=delete")).willReturn(okJson(
                "{\"Number Deleted\": 3, \"Number Not Found\": 0, \"Response Status\": \"200 OK\", "
                        + "\"Response Body\": \"\", \"Errors\": []}")));

        List<SloSegment> segments = List.of(
                SloSegment.of(new ObjectPath("b_segments", "big file/1"), "h1", 5),
                SloSegment.of(new ObjectPath("b_segments", "big file/2"), "h2", 7));
        SwiftReply put = account.largeObjects().putManifest("b", "big file", segments,
                SwiftHeaders.of("Content-Type", "video/mp4"));
        List<ManifestEntry> entries = account.largeObjects().getManifest("b", "big file");
        BulkDeleteResult deleted = account.largeObjects().deleteWithSegments("b", "big file");

        assertEquals("\"slo-etag\"", put.etag());
        swift.verify(putRequestedFor(urlEqualTo(manifest + "?multipart-manifest=put"))
                .withHeader("Content-Type", equalTo("video/mp4"))
                .withRequestBody(equalToJson("[{\"path\": \"/b_segments/big file/1\", \"etag\": \"h1\", "
                        + "\"size_bytes\": 5}, {\"path\": \"/b_segments/big file/2\", \"etag\": \"h2\", "
                        + "\"size_bytes\": 7}]")));
        assertEquals(new ObjectPath("b_segments", "big file/1"), entries.get(0).path());
        assertEquals(3, deleted.deleted());
        swift.verify(deleteRequestedFor(urlEqualTo(manifest + "?multipart-manifest=delete"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void anSloHeartbeatPutReadsTheOutcomeFromTheResultDocument() throws Exception {
        String manifest = ACCOUNT + "/b/k?multipart-manifest=put&heartbeat=on";
        swift.stubFor(put(urlEqualTo(manifest)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(" \r\n\r\n{\"Response Status\": "
                        + "\"201 Created\", \"Response Body\": \"\", \"Etag\": \"\\\"e1\\\"\", "
                        + "\"Last Modified\": \"Wed, 01 May 2024 12:00:00 GMT\", \"Errors\": []}")));
        List<SloSegment> one = List.of(SloSegment.of(new ObjectPath("b_segments", "k/1"), "h", 1));

        SwiftReply reply = account.largeObjects().putManifestWithHeartbeat("b", "k", one, SwiftHeaders.empty());
        assertEquals(201, reply.status());
        assertEquals("\"e1\"", reply.etag());

        swift.stubFor(put(urlEqualTo(manifest)).willReturn(aResponse().withStatus(202)
                .withBody(" {\"Response Status\": \"400 Bad Request\", \"Response Body\": \"\", "
                        + "\"Errors\": [[\"/b_segments/k/1\", \"Etag Mismatch\"]]}")));
        SwiftHttpStatusException refused = assertThrows(SwiftHttpStatusException.class,
                () -> account.largeObjects().putManifestWithHeartbeat("b", "k", one, SwiftHeaders.empty()));
        assertEquals(400, refused.status());
        assertTrue(refused.bodySnippet().contains("/b_segments/k/1: Etag Mismatch"), refused.bodySnippet());
    }

    @Test
    void aSmallPutIsSentFromMemoryWithItsLength() throws Exception {
        swift.stubFor(put(urlPathEqualTo(ACCOUNT + "/c/marker")).willReturn(aResponse().withStatus(201)));
        byte[] marker = "{\"k\": 1}".getBytes(StandardCharsets.UTF_8);

        account.objects().put("c", "marker", marker, SwiftHeaders.of("Content-Type", "application/json"));

        LoggedRequest sent = swift.findAll(putRequestedFor(urlEqualTo(ACCOUNT + "/c/marker"))).get(0);
        assertArrayEquals(marker, sent.getBody());
        assertEquals(Integer.toString(marker.length), sent.getHeader("Content-Length"));
        assertEquals("application/json", sent.getHeader("Content-Type"));
    }

    private static String entries(String... names) {
        return Arrays.stream(names)
                .map(name -> "{\"name\": \"" + name + "\", \"bytes\": 1, \"hash\": \"h\", "
                        + "\"last_modified\": \"2024-01-01T00:00:00.000000\", \"content_type\": \"x/y\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
