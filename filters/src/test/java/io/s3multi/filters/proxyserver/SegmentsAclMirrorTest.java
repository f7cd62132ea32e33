package io.s3multi.filters.proxyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SegmentsAclMirrorTest {

    @Test
    void aBucketsContainerHasItsSegmentsContainer() {
        assertEquals("/v1/AUTH_test/photos_segments", SegmentsAclMirror.segmentsPathOf("/v1/AUTH_test/photos"));
        assertEquals("/v1/AUTH_a%2Fb/my.bucket-1_segments", SegmentsAclMirror.segmentsPathOf("/v1/AUTH_a%2Fb/my.bucket-1"));
    }

    @Test
    void objectsAccountsAndContainersThatAreNoBucketHaveNone() {
        for (String path : new String[] {"/v1/AUTH_test", "/v1/AUTH_test/", "/v1/AUTH_test/photos/",
                "/v1/AUTH_test/photos/a", "/v1/AUTH_test/photos_segments", "/v1/AUTH_test/Photos",
                "/v1/AUTH_test/ph%6Ftos", "/v1//photos", "/auth/v1.0", "/v2/AUTH_test/photos"}) {
            assertNull(SegmentsAclMirror.segmentsPathOf(path), path);
        }
    }
}
