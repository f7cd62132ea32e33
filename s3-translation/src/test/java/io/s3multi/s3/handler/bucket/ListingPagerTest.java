package io.s3multi.s3.handler.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.testing.SwiftStore;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListingPagerTest {

    private static final String BUCKET = "bkt";

    private final ListingPager<ObjectEntry> pager = new ListingPager<>(10_000);

    /** A bucket holding these names, listed as Swift's container server lists them. */
    private static SwiftStore holding(Collection<String> names) {
        SwiftStore swift = new SwiftStore();
        swift.createContainer(BUCKET);
        names.forEach(name -> swift.put(BUCKET, name, new byte[0], "application/octet-stream", Map.of()));
        return swift;
    }

    private static SwiftStore holding(String... names) {
        return holding(Arrays.asList(names));
    }

    private ListingWindow<ObjectEntry> list(SwiftStore swift, String prefix, String delimiter, String after,
            int maxKeys)
            throws SwiftException {
        return pager.list(ListingPager.objects((query, noVersion) -> swift.list(BUCKET, query).entries()), prefix,
                delimiter, ListingPager.Position.afterKey(after), maxKeys);
    }

    @Test
    void aPageWithoutDelimiterHoldsMaxKeysAndSaysTruncatedFromOneSwiftRequest() throws SwiftException {
        var swift = holding(keys(25));
        ListingWindow<ObjectEntry> window = list(swift, null, null, null, 10);
        assertEquals(keys(25).subList(0, 10), names(window));
        assertTrue(window.truncated());
        assertEquals("key-09", window.last());
        assertEquals(1, swift.listings().size());
        assertEquals(11, swift.listings().get(0).limit());
    }

    @Test
    void pagesContinueAfterTheLastKeyUntilTheEnd() throws SwiftException {
        var swift = holding(keys(25));
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        ListingWindow<ObjectEntry> window;
        do {
            window = list(swift, "", null, after, 10);
            seen.addAll(names(window));
            after = window.last();
            pages++;
        } while (window.truncated());
        assertEquals(keys(25), seen);
        assertEquals(3, pages);
        assertEquals(3, swift.listings().size());
    }

    @Test
    void anExactlyFullLastPageIsNotTruncated() throws SwiftException {
        ListingWindow<ObjectEntry> window = list(holding(keys(10)), "", null, null, 10);
        assertEquals(10, window.size());
        assertFalse(window.truncated());
    }

    @Test
    void maxKeysZeroAsksSwiftNothing() throws SwiftException {
        var swift = holding(keys(3));
        ListingWindow<ObjectEntry> window = list(swift, "", null, null, 0);
        assertEquals(0, window.size());
        assertFalse(window.truncated());
        assertNull(window.last());
        assertTrue(swift.listings().isEmpty());
    }

    @Test
    void swiftRollsUpASingleCharacterDelimiterAndCommonPrefixesCountTowardsMaxKeys() throws SwiftException {
        var swift = holding("a/1", "a/2", "b", "c/x/y", "c/z", "d", "e/1");
        ListingWindow<ObjectEntry> first = list(swift, "", "/", null, 3);
        assertEquals(List.of("a/", "c/"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        assertEquals("c/", first.last());
        assertTrue(first.lastIsPrefix());
        assertEquals("/", swift.listings().get(0).delimiter());

        ListingWindow<ObjectEntry> second = list(swift, "", "/", first.last(), 3);
        assertEquals(List.of("d"), names(second));
        assertEquals(List.of("e/"), second.commonPrefixes());
        assertFalse(second.truncated());
    }

    @Test
    void prefixAndDelimiterListOneLevel() throws SwiftException {
        var swift = holding("photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg",
                "photos/index.html", "photos/", "video/x");
        ListingWindow<ObjectEntry> window = list(swift, "photos/", "/", null, 1000);
        assertEquals(List.of("photos/", "photos/index.html"), names(window));
        assertEquals(List.of("photos/2024/", "photos/2025/"), window.commonPrefixes());
        assertFalse(window.truncated());
    }

    @Test
    void aMultiCharacterDelimiterIsRolledUpHereAndSkipsPastEachPrefixInSwift() throws SwiftException {
        List<String> names = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> names.add(String.format("a::%02d", i)));
        names.addAll(List.of("b", "c::1", "c::2", "d"));
        var swift = holding(names);
        ListingWindow<ObjectEntry> first = list(swift, "", "::", null, 2);
        assertEquals(List.of("a::"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        assertEquals(2, swift.listings().size(), "50 names under a:: cost one request, not 50");
        assertTrue(swift.listings().stream().allMatch(q -> q.delimiter() == null));
        assertEquals("a::" + ListingPager.SKIP_PAST, swift.listings().get(1).marker());
    }

    @Test
    void aMultiCharacterDelimiterPageHasTheRightContent() throws SwiftException {
        var swift = holding("a::1", "a::2", "b", "c::1", "c::2", "d");
        ListingWindow<ObjectEntry> first = list(swift, "", "::", null, 2);
        assertEquals(List.of("a::"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        ListingWindow<ObjectEntry> second = list(swift, "", "::", first.last(), 2);
        assertEquals(List.of("c::"), second.commonPrefixes());
        assertEquals(List.of("d"), names(second));
        assertFalse(second.truncated());
    }

    @Test
    void continuingAfterACommonPrefixSkipsEverythingUnderIt() throws SwiftException {
        var swift = holding("a::1", "a::2", "a::3", "b");
        ListingWindow<ObjectEntry> window = list(swift, "", "::", "a::", 10);
        assertEquals(List.of("b"), names(window));
        assertTrue(window.commonPrefixes().isEmpty());
    }

    @Test
    void aDelimiterBeyondLatin1IsRolledUpHere() throws SwiftException {
        var swift = holding("x€1", "x€2", "y");
        ListingWindow<ObjectEntry> window = list(swift, "", "€", null, 10);
        assertEquals(List.of("x€"), window.commonPrefixes());
        assertEquals(List.of("y"), names(window));
        assertNull(swift.listings().get(0).delimiter());
    }

    @Test
    void namesAreListedInUtf8ByteOrderAcrossPages() throws SwiftException {
        List<String> awkward = List.of("a b", "a%20b", "a+b", "a/../b", "a//b", "a?b#c", "dir/", "zé", "z\uFFFD",
                "😀", "\u0001ctl");
        var swift = holding(awkward);
        List<String> seen = new ArrayList<>();
        String after = null;
        ListingWindow<ObjectEntry> window;
        do {
            window = list(swift, "", null, after, 2);
            seen.addAll(names(window));
            after = window.last();
        } while (window.truncated());
        List<String> expected = new ArrayList<>(awkward);
        expected.sort(SwiftStore.SWIFT_ORDER);
        assertEquals(expected, seen);
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("key-%02d", i)).toList();
    }

    private static List<String> names(ListingWindow<ObjectEntry> window) {
        return window.objects().stream().map(ObjectEntry::name).toList();
    }
}
