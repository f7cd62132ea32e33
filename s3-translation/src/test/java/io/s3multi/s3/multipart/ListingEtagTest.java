package io.s3multi.s3.multipart;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListingEtagTest {

    @Test
    void appendsReadsAndStrips() {
        String stored = ListingEtag.append("text/plain; charset=utf-8", "abcdef-2");
        assertEquals("text/plain; charset=utf-8;s3etag=\"abcdef-2\"", stored);
        assertEquals(Optional.of("abcdef-2"), ListingEtag.read(stored));
        assertEquals("text/plain; charset=utf-8", ListingEtag.strip(stored));
    }

    @Test
    void readsTheFormSwiftListsWithSpacesOrWithout() {
        assertEquals(Optional.of("abcdef-2"), ListingEtag.read("application/x-test;s3etag=\"abcdef-2\""));
        assertEquals(Optional.of("abcdef-2"), ListingEtag.read("application/x-test; s3etag=\"abcdef-2\""));
        assertEquals("application/x-test", ListingEtag.strip("application/x-test; s3etag=\"abcdef-2\""));
        assertEquals(Optional.empty(), ListingEtag.read("application/x-test"));
        assertEquals("application/x-test", ListingEtag.strip("application/x-test"));
    }

    @Test
    void replacesAnEarlierEtag() {
        String twice = ListingEtag.append(ListingEtag.append("a/b", "one-1"), "two-2");
        assertEquals("a/b;s3etag=\"two-2\"", twice);
    }
}
