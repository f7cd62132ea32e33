package io.s3multi.s3.handler.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ObjectListingPagerTest {

    private final ObjectListingPager pager = new ObjectListingPager(10_000);

    @Test
    void aPageWithoutDelimiterHoldsMaxKeysAndSaysTruncatedFromOneSwiftRequest() throws SwiftException {
        var swift = new FakeContainerListing(keys(25));
        ListingWindow window = pager.list(swift, null, null, null, 10);
        assertEquals(keys(25).subList(0, 10), names(window));
        assertTrue(window.truncated());
        assertEquals("key-09", window.last());
        assertEquals(1, swift.queries.size());
        assertEquals(11, swift.queries.get(0).limit());
    }

    @Test
    void pagesContinueAfterTheLastKeyUntilTheEnd() throws SwiftException {
        var swift = new FakeContainerListing(keys(25));
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        ListingWindow window;
        do {
            window = pager.list(swift, "", null, after, 10);
            seen.addAll(names(window));
            after = window.last();
            pages++;
        } while (window.truncated());
        assertEquals(keys(25), seen);
        assertEquals(3, pages);
        assertEquals(3, swift.queries.size());
    }

    @Test
    void anExactlyFullLastPageIsNotTruncated() throws SwiftException {
        ListingWindow window = pager.list(new FakeContainerListing(keys(10)), "", null, null, 10);
        assertEquals(10, window.size());
        assertFalse(window.truncated());
    }

    @Test
    void maxKeysZeroAsksSwiftNothing() throws SwiftException {
        var swift = new FakeContainerListing(keys(3));
        ListingWindow window = pager.list(swift, "", null, null, 0);
        assertEquals(0, window.size());
        assertFalse(window.truncated());
        assertNull(window.last());
        assertTrue(swift.queries.isEmpty());
    }

    @Test
    void swiftRollsUpASingleCharacterDelimiterAndCommonPrefixesCountTowardsMaxKeys() throws SwiftException {
        var swift = new FakeContainerListing("a/1", "a/2", "b", "c/x/y", "c/z", "d", "e/1");
        ListingWindow first = pager.list(swift, "", "/", null, 3);
        assertEquals(List.of("a/", "c/"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        assertEquals("c/", first.last());
        assertTrue(first.lastIsPrefix());
        assertEquals("/", swift.queries.get(0).delimiter());

        ListingWindow second = pager.list(swift, "", "/", first.last(), 3);
        assertEquals(List.of("d"), names(second));
        assertEquals(List.of("e/"), second.commonPrefixes());
        assertFalse(second.truncated());
    }

    @Test
    void prefixAndDelimiterListOneLevel() throws SwiftException {
        var swift = new FakeContainerListing("photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg",
                "photos/index.html", "photos/", "video/x");
        ListingWindow window = pager.list(swift, "photos/", "/", null, 1000);
        assertEquals(List.of("photos/", "photos/index.html"), names(window));
        assertEquals(List.of("photos/2024/", "photos/2025/"), window.commonPrefixes());
        assertFalse(window.truncated());
    }

    @Test
    void aMultiCharacterDelimiterIsRolledUpHereAndSkipsPastEachPrefixInSwift() throws SwiftException {
        List<String> names = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> names.add(String.format("a::%02d", i)));
        names.addAll(List.of("b", "c::1", "c::2", "d"));
        var swift = new FakeContainerListing(names);
        ListingWindow first = pager.list(swift, "", "::", null, 2);
        assertEquals(List.of("a::"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        assertEquals(2, swift.queries.size(), "50 names under a:: cost one request, not 50");
        assertTrue(swift.queries.stream().allMatch(q -> q.delimiter() == null));
        assertEquals("a::" + ObjectListingPager.SKIP_PAST, swift.queries.get(1).marker());
    }

    @Test
    void aMultiCharacterDelimiterPageHasTheRightContent() throws SwiftException {
        var swift = new FakeContainerListing("a::1", "a::2", "b", "c::1", "c::2", "d");
        ListingWindow first = pager.list(swift, "", "::", null, 2);
        assertEquals(List.of("a::"), first.commonPrefixes());
        assertEquals(List.of("b"), names(first));
        assertTrue(first.truncated());
        ListingWindow second = pager.list(swift, "", "::", first.last(), 2);
        assertEquals(List.of("c::"), second.commonPrefixes());
        assertEquals(List.of("d"), names(second));
        assertFalse(second.truncated());
    }

    @Test
    void continuingAfterACommonPrefixSkipsEverythingUnderIt() throws SwiftException {
        var swift = new FakeContainerListing("a::1", "a::2", "a::3", "b");
        ListingWindow window = pager.list(swift, "", "::", "a::", 10);
        assertEquals(List.of("b"), names(window));
        assertTrue(window.commonPrefixes().isEmpty());
    }

    @Test
    void aDelimiterBeyondLatin1IsRolledUpHere() throws SwiftException {
        var swift = new FakeContainerListing("x€1", "x€2", "y");
        ListingWindow window = pager.list(swift, "", "€", null, 10);
        assertEquals(List.of("x€"), window.commonPrefixes());
        assertEquals(List.of("y"), names(window));
        assertNull(swift.queries.get(0).delimiter());
    }

    @Test
    void namesAreListedInUtf8ByteOrderAcrossPages() throws SwiftException {
        List<String> awkward = List.of("a b", "a%20b", "a+b", "a/../b", "a//b", "a?b#c", "dir/", "zé", "z\uFFFD",
                "😀", "\u0001ctl");
        var swift = new FakeContainerListing(awkward);
        List<String> seen = new ArrayList<>();
        String after = null;
        ListingWindow window;
        do {
            window = pager.list(swift, "", null, after, 2);
            seen.addAll(names(window));
            after = window.last();
        } while (window.truncated());
        List<String> expected = new ArrayList<>(awkward);
        expected.sort(FakeContainerListing::compareUtf8);
        assertEquals(expected, seen);
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("key-%02d", i)).toList();
    }

    private static List<String> names(ListingWindow window) {
        return window.objects().stream().map(ObjectEntry::name).toList();
    }
}
