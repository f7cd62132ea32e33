package io.s3multi.s3.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListingEtagTest {

    @Test
    void aPlainObjectListsSwiftsHashQuoted() {
        assertEquals("\"d41d8cd98f00b204e9800998ecf8427e\"",
                ListingEtag.forListing("d41d8cd98f00b204e9800998ecf8427e", "text/plain", null));
    }

    @Test
    void theStoredS3EtagWinsAndIsNeverShownAsPartOfTheContentType() {
        String stored = ListingEtag.contentTypeWith("text/plain; charset=utf-8", "9b2cf535f27731c974343645a3985328-3");
        assertEquals("text/plain; charset=utf-8;s3multi_etag=9b2cf535f27731c974343645a3985328-3", stored);
        assertEquals("\"9b2cf535f27731c974343645a3985328-3\"", ListingEtag.forListing("manifestmd5", stored,
                "\"sloetag\""));
        ListingEtag.Parsed parsed = ListingEtag.parse(stored);
        assertEquals("text/plain; charset=utf-8", parsed.contentType());
        assertEquals("9b2cf535f27731c974343645a3985328-3", parsed.s3Etag());
    }

    @Test
    void theParameterIsFoundAnywhereAndReplacedNotDuplicated() {
        ListingEtag.Parsed parsed = ListingEtag.parse("a/b; s3multi_etag=\"abc-2\"; x=y");
        assertEquals("a/b; x=y", parsed.contentType());
        assertEquals("abc-2", parsed.s3Etag());
        assertEquals("a/b; x=y;s3multi_etag=def-3",
                ListingEtag.contentTypeWith("a/b; s3multi_etag=abc-2; x=y", "def-3"));
        assertEquals("application/octet-stream;s3multi_etag=def-3", ListingEtag.contentTypeWith(null, "def-3"));
    }

    @Test
    void aContentTypeWithoutTheParameterIsUnchanged() {
        ListingEtag.Parsed parsed = ListingEtag.parse("image/jpeg;q=1");
        assertEquals("image/jpeg;q=1", parsed.contentType());
        assertFalse(parsed.hasS3Etag());
        assertNull(ListingEtag.parse(null).contentType());
    }

    @Test
    void anSloWithoutTheParameterListsSwiftsSloEtag() {
        assertEquals("\"abcdef\"", ListingEtag.forListing("manifestmd5", "application/octet-stream", "\"abcdef\""));
    }

    @Test
    void anEtagThatWouldBreakTheContentTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ListingEtag.contentTypeWith("a/b", "x;y"));
        assertThrows(IllegalArgumentException.class, () -> ListingEtag.contentTypeWith("a/b", ""));
    }
}
