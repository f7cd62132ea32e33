package io.s3multi.swift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Swift's object versioning through the client, against the real dev Swift: the version ids writes answer,
 * versions listings and their paging, reading, copying, deleting and re-promoting one version.
 */
class SwiftVersionsIT {

    private static SwiftBackend backend;
    private static SwiftAccount account;
    private static String container;

    @BeforeAll
    static void start() throws Exception {
        backend = DevSwift.backend();
        account = DevSwift.account(backend);
        container = DevSwift.createContainer(account, "versions");
        account.containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "true"));
    }

    @AfterAll
    static void stop() throws Exception {
        account.containers().post(container, SwiftHeaders.of("X-Versions-Enabled", "false"));
        for (VersionEntry version : account.containers()
                .listVersions(container, ListingQuery.all(), null).entries()) {
            account.objects().deleteVersion(container, version.name(), version.versionId(), SwiftHeaders.empty());
        }
        DevSwift.deleteContainer(account, container);
        backend.close();
    }

    private static String put(String key, String body) throws Exception {
        String id = account.objects().put(container, key, body.getBytes(UTF_8), SwiftHeaders.empty())
                .headers().get("X-Object-Version-Id");
        assertNotNull(id, "a PUT into a versioned container answers its version id");
        return id;
    }

    private static List<String> ids(String key) throws Exception {
        return account.containers().listVersions(container, ListingQuery.all().withPrefix(key), null).entries()
                .stream().map(VersionEntry::versionId).collect(Collectors.toList());
    }

    private static String read(String key, String versionId) throws Exception {
        try (SwiftResponse response = account.objects().getVersion(container, key, versionId, SwiftHeaders.empty())) {
            return new String(response.body().readAllBytes(), UTF_8);
        }
    }

    private static String current(String key) throws Exception {
        try (SwiftResponse response = account.objects().get(container, key, SwiftHeaders.empty())) {
            return new String(response.body().readAllBytes(), UTF_8);
        }
    }

    @Test
    void everyVersionIsListedNewestFirstAndReadableById() throws Exception {
        String first = put("k1", "one");
        String second = put("k1", "two");

        List<VersionEntry> listed = account.containers()
                .listVersions(container, ListingQuery.all().withPrefix("k1"), null).entries();
        assertEquals(List.of(second, first), listed.stream().map(VersionEntry::versionId).toList());
        assertTrue(listed.get(0).isLatest());
        assertFalse(listed.get(1).isLatest());
        assertEquals(3, listed.get(1).object().bytes());
        assertEquals("one", read("k1", first));
        assertEquals("two", read("k1", second));
        assertEquals(second, account.objects().headVersion(container, "k1", second, SwiftHeaders.empty())
                .headers().get("X-Object-Version-Id"));
    }

    @Test
    void pagesContinueAfterANameAndVersionMarker() throws Exception {
        String first = put("k2", "a");
        String second = put("k2", "b");
        String third = put("k2", "c");

        List<VersionEntry> rest = account.containers().listVersions(container,
                ListingQuery.all().withPrefix("k2").withMarker("k2"), third).entries();
        assertEquals(List.of(second, first), rest.stream().map(VersionEntry::versionId).toList());
        List<VersionEntry> one = account.containers().listVersions(container,
                ListingQuery.all().withPrefix("k2").withLimit(1), null).entries();
        assertEquals(List.of(third), one.stream().map(VersionEntry::versionId).toList());
    }

    @Test
    void aDeleteWritesAMarkerAndDeletingTheCurrentVersionPromotesNothingUntilMadeCurrent() throws Exception {
        String first = put("k3", "first");
        String marker = account.objects().delete(container, "k3", SwiftHeaders.empty())
                .headers().get("X-Object-Version-Id");

        VersionEntry latest = account.containers()
                .listVersions(container, ListingQuery.all().withPrefix("k3"), null).entries().get(0);
        assertEquals(marker, latest.versionId());
        assertTrue(latest.isDeleteMarker());
        SwiftHttpStatusException onMarker = assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().headVersion(container, "k3", marker, SwiftHeaders.empty()));
        assertEquals(404, onMarker.status());

        account.objects().deleteVersion(container, "k3", marker, SwiftHeaders.empty());
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head(container, "k3", SwiftHeaders.empty())).status());

        account.objects().makeCurrent(container, "k3", first);
        assertEquals("first", current("k3"));
        assertEquals(List.of(first), ids("k3"));
    }

    @Test
    void aVersionIsCopiedInsideSwift() throws Exception {
        String old = put("k4", "old bytes");
        put("k4", "new bytes");

        account.objects().copyVersion(new ObjectPath(container, "k4"), old, new ObjectPath(container, "k4 copy"),
                SwiftHeaders.empty());

        assertEquals("old bytes", current("k4 copy"));
    }
}
