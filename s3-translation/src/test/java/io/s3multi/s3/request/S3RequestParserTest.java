package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RequestParserTest {

    private final S3RequestParser pathStyle = new S3RequestParser();
    private final S3RequestParser virtualHosts = new S3RequestParser(List.of("s3.example.com", ".example.com"));

    @Test
    void rootIsTheService() {
        S3Request request = Requests.parse("GET", "/", "");
        assertTrue(request.isServiceRequest());
        assertNull(request.bucket());
        assertNull(request.key());
        assertEquals(AddressingStyle.PATH, request.addressing());
    }

    @Test
    void aBucketWithOrWithoutTrailingSlashHasNoKey() {
        for (String path : List.of("/photos", "/photos/")) {
            S3Request request = Requests.parse("GET", path, "");
            assertEquals("photos", request.bucket());
            assertFalse(request.hasKey(), path);
        }
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            /photos/caf%C3%A9                | café
            /photos/caf%c3%a9                | café
            /photos/café                     | café
            /photos/%F0%9F%98%80.jpg         | 😀.jpg
            /photos/a%20b                    | a b
            /photos/a+b                      | a+b
            /photos/a%2Bb                    | a+b
            /photos/100%25                   | 100%
            /photos/a%3Fb                    | a?b
            /photos/a%23b                    | a#b
            /photos/a%2Fb                    | a/b
            /photos/a%2fb                    | a/b
            /photos/a//b                     | a//b
            /photos//leading                 | /leading
            /photos///                       | //
            /photos/a/../b                   | a/../b
            /photos/%2E%2E/z                 | ../z
            /photos/..                       | ..
            /photos/./x                      | ./x
            /photos/dir/                     | dir/
            /photos/a;b=c                    | a;b=c
            /photos/~!$&'()*,;=:@            | ~!$&'()*,;=:@
            /photos/%00nul                   | {NUL}nul
            """)
    void keysAreDecodedFromTheRawPathExactly(String rawPath, String expectedKey) {
        String expected = expectedKey.replace("{NUL}", "\u0000");
        S3Request request = Requests.parse("GET", rawPath, "");
        assertEquals("photos", request.bucket());
        assertEquals(expected, request.key());
    }

    @ParameterizedTest
    @CsvSource({"/photos/%", "/photos/a%2", "/photos/%zz", "/photos/%C3", "/photos/%C3%28", "/photos/%FF",
            "/photos/%١١", "/photos/%ＡＡ", "/phot%6Fs%/k", "//key", "photos/key", "*"})
    void brokenEncodingsAndPathsAreInvalidUri(String rawPath) {
        S3Exception e = assertThrows(S3Exception.class, () -> Requests.parse("GET", rawPath, ""));
        assertEquals(S3ErrorCode.INVALID_URI, e.code(), rawPath);
    }

    @Test
    void anEncodedBucketIsDecodedBeforeItIsChecked() {
        assertEquals("photos", Requests.parse("GET", "/phot%6Fs/k", "").bucket());
        S3Exception e = assertThrows(S3Exception.class, () -> Requests.parse("GET", "/a%2Fb/k", ""));
        assertEquals(S3ErrorCode.INVALID_BUCKET_NAME, e.code());
        assertEquals("a/b", e.details().get("BucketName"));
    }

    @Test
    void keysUpTo1024Utf8BytesAreAccepted() {
        assertEquals(1024, Requests.parse("PUT", "/photos/" + "k".repeat(1024), "").key().length());
        assertEquals(512, Requests.parse("PUT", "/photos/" + "%C3%A9".repeat(512), "").key().length());
    }

    @Test
    void longerKeysAreKeyTooLongWithTheirSize() {
        S3Exception ascii = assertThrows(S3Exception.class,
                () -> Requests.parse("PUT", "/photos/" + "k".repeat(1025), ""));
        assertEquals(S3ErrorCode.KEY_TOO_LONG, ascii.code());
        assertEquals("1025", ascii.details().get("Size"));
        assertEquals("1024", ascii.details().get("MaxSizeAllowed"));
        S3Exception euro = assertThrows(S3Exception.class,
                () -> Requests.parse("PUT", "/photos/" + "€".repeat(342), ""));
        assertEquals("1026", euro.details().get("Size"));
    }

    @Test
    void invalidBucketNamesAreRefusedAtParseTime() {
        for (String bucket : List.of("ab", "Photos", "photos_segments", "192.168.5.4", "xn--abc", "a..b")) {
            S3Exception e = assertThrows(S3Exception.class, () -> Requests.parse("GET", "/" + bucket + "/k", ""));
            assertEquals(S3ErrorCode.INVALID_BUCKET_NAME, e.code(), bucket);
            assertEquals(bucket, e.details().get("BucketName"));
        }
    }

    @Test
    void queryParametersAreDecoded() {
        S3Request request = Requests.parse("GET", "/photos", "list-type=2&prefix=a%2Fb&delimiter=%2F&start-after=a+b");
        assertEquals("a/b", request.param("prefix").orElseThrow());
        assertEquals("/", request.param("delimiter").orElseThrow());
        assertEquals("a b", request.param("start-after").orElseThrow());
    }

    @Test
    void theRequestKeepsItsHead() {
        RequestHead head = Requests.head("PUT", "/photos/a%2Fb", "x=1", "x-amz-copy-source", "/src/k");
        S3Request request = pathStyle.parse(head);
        assertSame(head, request.head());
        assertEquals("/src/k", request.header("X-Amz-Copy-Source"));
        assertEquals("PUT", request.method());
    }

    // ---- virtual-host style ----

    @ParameterizedTest(name = "Host {0} path {1} -> bucket {2} key [{3}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            photos.s3.example.com          | /              | photos    | -
            photos.s3.example.com          | /a/b.jpg       | photos    | a/b.jpg
            photos.s3.example.com:8080     | /a             | photos    | a
            Photos.S3.Example.COM          | /a             | photos    | a
            photos.s3.example.com.         | /a             | photos    | a
            my.photos.s3.example.com       | /a%2Fb         | my.photos | a/b
            photos.s3.example.com          | /v1/AUTH_test  | photos    | v1/AUTH_test
            photos.s3.example.com          | //x            | photos    | /x
            photos.example.com             | /k             | photos    | k
            """)
    void virtualHostStyleTakesTheBucketFromTheHost(String host, String path, String bucket, String key) {
        RequestHead head = Requests.head("GET", path, "", "Host", host);
        assertTrue(virtualHosts.isS3Request(head));
        S3Request request = virtualHosts.parse(head);
        assertEquals(AddressingStyle.VIRTUAL_HOST, request.addressing());
        assertEquals(bucket, request.bucket());
        assertEquals(key, request.key());
    }

    @ParameterizedTest(name = "Host {0} is path-style")
    @CsvSource({"s3.example.com", "s3.example.com:8080", "example.com", "127.0.0.1:8080", "[::1]:8080", "other.org"})
    void hostsThatAreNotASubdomainAreLeftToPathStyle(String host) {
        S3Request request = virtualHosts.parse(Requests.head("GET", "/photos/k", "", "Host", host));
        assertEquals(AddressingStyle.PATH, request.addressing());
        assertEquals("photos", request.bucket());
        assertEquals("k", request.key());
    }

    @Test
    void withoutStorageDomainsTheHostIsIgnored() {
        S3Request request = pathStyle.parse(Requests.head("GET", "/key1", "", "Host", "photos.s3.example.com"));
        assertEquals(AddressingStyle.PATH, request.addressing());
        assertEquals("key1", request.bucket());
    }

    @Test
    void aHostBucketMustBeAValidName() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> virtualHosts.parse(Requests.head("GET", "/k", "", "Host", "my_photos.s3.example.com")));
        assertEquals(S3ErrorCode.INVALID_BUCKET_NAME, e.code());
    }

    // ---- S3 or native Swift ----

    @ParameterizedTest(name = "{0} {1} auth=[{2}] -> S3 {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /                 | -                                        | -                               | true
            /photos           | -                                        | -                               | true
            /photos/v1/x      | -                                        | -                               | true
            /v1/AUTH_test/c/o | -                                        | -                               | false
            /v1               | -                                        | -                               | false
            /v1/AUTH_test     | -                                        | AWS4-HMAC-SHA256 Credential=a/b | false
            /v1.0/AUTH_test   | -                                        | -                               | false
            /v1.0             | -                                        | AWS4-HMAC-SHA256 Credential=a/b | true
            /auth/v1.0        | -                                        | -                               | false
            /auth             | -                                        | -                               | false
            /auth/v1.0        | X-Amz-Credential=a%2Fb&X-Amz-Signature=s | -                               | true
            /authors/x        | -                                        | -                               | true
            /info             | -                                        | -                               | false
            /info             | swiftinfo_sig=x&swiftinfo_expires=1      | -                               | false
            /info             | -                                        | AWS AKIDEXAMPLE:c2ln            | true
            /info             | AWSAccessKeyId=a&Signature=s&Expires=1   | -                               | true
            /info/            | -                                        | -                               | true
            /info/x           | -                                        | -                               | true
            /healthcheck      | -                                        | -                               | false
            /healthcheck      | -                                        | Bearer xyz                      | false
            /healthcheck      | -                                        | AWS4-HMAC-SHA256 Credential=a/b | true
            """)
    void tellsS3FromNativeSwift(String path, String query, String authorization, boolean s3) {
        RequestHead head = authorization == null
                ? Requests.head("GET", path, query)
                : Requests.head("GET", path, query, "Authorization", authorization);
        assertEquals(s3, pathStyle.isS3Request(head));
    }

    @Test
    void aVirtualHostRequestIsS3WhateverItsPath() {
        assertTrue(virtualHosts.isS3Request(Requests.head("GET", "/v1/AUTH_test", "", "Host", "b1.s3.example.com")));
        assertFalse(virtualHosts.isS3Request(Requests.head("GET", "/v1/AUTH_test", "", "Host", "s3.example.com")));
    }
}
