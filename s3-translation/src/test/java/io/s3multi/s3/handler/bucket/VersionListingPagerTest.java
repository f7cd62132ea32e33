package io.s3multi.s3.handler.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.testing.SwiftStore;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.VersionEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ListingPager} over a versions listing that behaves as Swift's {@code ?versions} does. */
class VersionListingPagerTest {

    private final ListingPager<VersionEntry> pager = new ListingPager<>(10_000);

    /** Swift's versions listing of one container: names in UTF-8 order, each name's versions newest first. */
    private static final class Versions {
        final List<VersionEntry> entries = new ArrayList<>();
        final List<String> requests = new ArrayList<>();

        Versions add(String name, String... idsNewestFirst) {
            for (String id : idsNewestFirst) {
                entries.add(new VersionEntry(new ObjectEntry(name, 1, "h", Instant.EPOCH, "text/plain", null, null),
                        id, false));
            }
            entries.sort(Comparator.comparing(VersionEntry::name, SwiftStore.SWIFT_ORDER));
            return this;
        }

        List<VersionEntry> list(ListingQuery query, String versionMarker) {
            requests.add("marker=" + query.marker() + " version_marker=" + versionMarker + " delimiter="
                    + query.delimiter() + " limit=" + query.limit());
            String prefix = query.prefix() == null ? "" : query.prefix();
            List<VersionEntry> page = new ArrayList<>();
            boolean pastMarker = query.marker() == null;
            for (VersionEntry entry : entries) {
                if (!pastMarker) {
                    int order = SwiftStore.SWIFT_ORDER.compare(entry.name(), query.marker());
                    boolean afterVersion = order == 0 && versionMarker != null
                            && entry.versionId().compareTo(versionMarker) < 0;
                    if (order <= 0 && !afterVersion) {
                        continue;
                    }
                    pastMarker = true;
                }
                if (!entry.name().startsWith(prefix)) {
                    continue;
                }
                String rolled = ListingPager.rollUp(entry.name(), prefix, query.delimiter());
                if (rolled != null) {
                    if (SwiftStore.SWIFT_ORDER.compare(rolled, query.marker() == null ? "" : query.marker()) > 0
                            && (page.isEmpty() || !rolled.equals(page.get(page.size() - 1).name()))) {
                        page.add(new VersionEntry(new ObjectEntry(rolled, -1, null, null, null, rolled, null),
                                null, false));
                    }
                } else {
                    page.add(entry);
                }
                if (page.size() == query.limit()) {
                    break;
                }
            }
            return page;
        }
    }

    private ListingWindow<VersionEntry> list(Versions swift, String prefix, String delimiter,
            ListingPager.Position after, int maxKeys) throws Exception {
        return pager.list(ListingPager.versions(swift::list), prefix, delimiter, after, maxKeys);
    }

    private static List<String> shown(ListingWindow<VersionEntry> window) {
        List<String> shown = new ArrayList<>();
        window.objects().forEach(v -> shown.add(v.name() + "@" + v.versionId()));
        window.commonPrefixes().forEach(p -> shown.add("P:" + p));
        return shown;
    }

    @Test
    void pagesOfOneEntryWalkTheHistoryWithOneSwiftRequestEach() throws Exception {
        Versions swift = new Versions().add("a", "3", "2", "1").add("b", "5", "4").add("c", "6");
        List<String> seen = new ArrayList<>();
        ListingPager.Position after = ListingPager.Position.start();
        int pages = 0;
        ListingWindow<VersionEntry> window;
        do {
            window = list(swift, null, null, after, 1);
            seen.addAll(shown(window));
            VersionEntry last = window.lastObject();
            after = new ListingPager.Position(last.name(), last.versionId());
            pages++;
        } while (window.truncated());
        assertEquals(List.of("a@3", "a@2", "a@1", "b@5", "b@4", "c@6"), seen);
        assertEquals(6, pages);
        assertEquals(6, swift.requests.size());
        assertEquals("marker=a version_marker=2 delimiter=null limit=2", swift.requests.get(2));
    }

    @Test
    void afterAKeyEveryVersionOfItIsSkipped() throws Exception {
        Versions swift = new Versions().add("a", "3", "2", "1").add("b", "5");
        ListingWindow<VersionEntry> window = list(swift, null, null, ListingPager.Position.afterKey("a"), 10);
        assertEquals(List.of("b@5"), shown(window));
        assertFalse(window.truncated());
    }

    @Test
    void aPrefixHoldingManyVersionsCountsOnceAndTheNextPageSkipsIt() throws Exception {
        Versions swift = new Versions().add("d/x", "9", "8", "7").add("d/y", "6").add("e", "5", "4").add("f/z", "3");
        ListingWindow<VersionEntry> first = list(swift, "", "/", ListingPager.Position.start(), 2);
        assertEquals(List.of("e@5", "P:d/"), shown(first));
        assertTrue(first.truncated());
        assertEquals("e", first.last());
        assertEquals("/", swift.requests.get(0).split("delimiter=")[1].split(" ")[0]);

        ListingWindow<VersionEntry> second = list(swift, "", "/", new ListingPager.Position("e", "5"), 2);
        assertEquals(List.of("e@4", "P:f/"), shown(second));
        assertFalse(second.truncated());

        ListingWindow<VersionEntry> afterPrefix = list(swift, "", "/", ListingPager.Position.afterKey("d/"), 10);
        assertEquals(List.of("e@5", "e@4", "P:f/"), shown(afterPrefix));
    }

    @Test
    void aDelimiterSwiftRefusesForVersionsIsRolledUpHereAndSkipsPastThePrefix() throws Exception {
        Versions swift = new Versions().add("a1x", "9", "8", "7", "6").add("a1y", "5").add("b", "4");
        ListingWindow<VersionEntry> window = list(swift, "", "1", ListingPager.Position.start(), 2);
        assertEquals(List.of("b@4", "P:a1"), shown(window));
        assertFalse(window.truncated());
        assertTrue(swift.requests.stream().allMatch(r -> r.contains("delimiter=null")), swift.requests.toString());
        assertEquals(2, swift.requests.size(), "four versions under a1 cost one request more, not four");
        assertTrue(swift.requests.get(1).startsWith("marker=a1" + ListingPager.SKIP_PAST + " version_marker=null"));
    }

    @Test
    void anEmptyPageEndsAtTheStart() throws Exception {
        ListingWindow<VersionEntry> window = list(new Versions(), null, null, ListingPager.Position.start(), 5);
        assertTrue(window.objects().isEmpty());
        assertNull(window.lastObject());
        assertFalse(window.truncated());
    }
}
