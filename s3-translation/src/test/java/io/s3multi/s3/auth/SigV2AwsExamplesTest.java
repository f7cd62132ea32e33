package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.Requests.SECRET;
import static io.s3multi.s3.auth.Requests.head;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's "Signing and Authenticating REST Requests" (Signature Version 2), with the credentials
 * AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.
 *
 * <p>The published signatures were computed for the bucket {@code johnsmith}; the current page renamed it to
 * {@code awsexamplebucket1} in the requests and strings to sign but kept the old signatures, so these tests use
 * the original bucket name (the signatures are reproduced with it, and only with it).
 */
class SigV2AwsExamplesTest {

    private static SigV2Request parse(RequestHead head, String virtualHostBucket) {
        return assertInstanceOf(SigV2Request.class, SignedRequestParser.parse(head, virtualHostBucket).orElseThrow());
    }

    private static void verifyAt(SignedRequest request, String instant) {
        new SignatureVerifier(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).verify(request, SECRET);
    }

    @Test
    void objectGet() {
        SigV2Request request = parse(head("GET", "/photos/puppy.jpg", "",
                "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU="), "johnsmith");
        assertEquals("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg", request.stringToSign());
        assertEquals("AKIAIOSFODNN7EXAMPLE", request.accessKey());
        verifyAt(request, "2007-03-27T19:40:00Z");
    }

    @Test
    void objectPut() {
        SigV2Request request = parse(head("PUT", "/photos/puppy.jpg", "",
                "Content-Type", "image/jpeg",
                "Content-Length", "94328",
                "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 21:15:45 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:MyyxeRY7whkBe+bq8fHCL/2kKUg="), "johnsmith");
        assertEquals("PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/johnsmith/photos/puppy.jpg",
                request.stringToSign());
        verifyAt(request, "2007-03-27T21:15:45Z");
    }

    @Test
    void listIgnoresQueryParametersThatAreNotSubResources() {
        SigV2Request request = parse(head("GET", "/", "prefix=photos&max-keys=50&marker=puppy",
                "User-Agent", "Mozilla/5.0",
                "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:42:41 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:htDYFYduRNen8P9ZfE/s9SuKy0U="), "johnsmith");
        assertEquals("GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/johnsmith/", request.stringToSign());
        verifyAt(request, "2007-03-27T19:42:41Z");
    }

    @Test
    void fetchAclSignsTheSubResource() {
        SigV2Request request = parse(head("GET", "/", "acl",
                "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:44:46 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:c2WLPFtWHVgbEmeEG93a4cG37dM="), "johnsmith");
        assertEquals("GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/johnsmith/?acl", request.stringToSign());
        verifyAt(request, "2007-03-27T19:44:46Z");
    }

    @Test
    void uploadWithMetadataSignsSortedJoinedAmzHeaders() {
        SigV2Request request = parse(head("PUT", "/db-backup.dat.gz", "",
                "User-Agent", "curl/7.15.5",
                "Host", "static.johnsmith.net:8080",
                "Date", "Tue, 27 Mar 2007 21:06:08 +0000",
                "x-amz-acl", "public-read",
                "content-type", "application/x-download",
                "Content-MD5", "4gJE4saaMU4BqNR0kLY+lw==",
                "X-Amz-Meta-ReviewedBy", "joe@johnsmith.net",
                "X-Amz-Meta-ReviewedBy", "jane@johnsmith.net",
                "X-Amz-Meta-FileChecksum", "0x02661779",
                "X-Amz-Meta-ChecksumAlgorithm", "crc32",
                "Content-Disposition", "attachment; filename=database.dat",
                "Content-Encoding", "gzip",
                "Content-Length", "5913339",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:ilyl83RwaSoYIEdixDQcA4OnAnc="), "static.johnsmith.net");
        assertEquals("PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n"
                + "x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n"
                + "x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n/static.johnsmith.net/db-backup.dat.gz",
                request.stringToSign());
        verifyAt(request, "2007-03-27T21:06:08Z");
    }

    @Test
    void listAllMyBuckets() {
        SigV2Request request = parse(head("GET", "/", "",
                "Host", "s3.amazonaws.com",
                "Date", "Wed, 28 Mar 2007 01:29:59 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:qGdzdERIC03wnaRNKh6OqZehG9s="), null);
        assertEquals("GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/", request.stringToSign());
        verifyAt(request, "2007-03-28T01:29:59Z");
    }

    @Test
    void unicodeKeysAreSignedAsSentIncludingTheCaseOfEscapes() {
        SigV2Request request = parse(head("GET", "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re", "",
                "Host", "s3.amazonaws.com",
                "Date", "Wed, 28 Mar 2007 01:49:49 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:DNEZGsoieTZ92F3bUfSPQcbGmlM="), null);
        assertEquals("GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re",
                request.stringToSign());
        verifyAt(request, "2007-03-28T01:49:49Z");
    }

    @Test
    void queryStringAuthentication() {
        RequestHead head = head("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620",
                "Host", "johnsmith.s3.amazonaws.com");
        SigV2Request request = parse(head, "johnsmith");
        assertEquals("GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg", request.stringToSign());
        assertEquals("NpgCjnDzrM+WFzoENXmpNDUsSn8=", request.signature());
        verifyAt(request, "2007-03-29T03:40:20Z");
        S3AuthException expired = assertThrows(S3AuthException.class,
                () -> verifyAt(request, "2007-03-29T03:40:21Z"));
        assertEquals("AccessDenied", expired.code().wireCode());
        assertEquals("Request has expired", expired.getMessage());
    }

    @Test
    void anUnencodedPlusInAQuerySignatureIsStillAPlus() {
        RequestHead head = head("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM+WFzoENXmpNDUsSn8=&Expires=1175139620");
        assertEquals("NpgCjnDzrM+WFzoENXmpNDUsSn8=", parse(head, "johnsmith").signature());
    }

    @Test
    void xAmzDateEmptiesTheDateSlotAndIsSignedAsAnAmzHeader() {
        // AWS's page prints this example's string to sign with the x-amz-date value in the Date slot, contradicting
        // its own rule ("use the empty string for the Date"). S3, Swift's s3api and botocore follow the rule.
        SigV2Request request = parse(head("DELETE", "/johnsmith/photos/puppy.jpg", "",
                "User-Agent", "dotnet",
                "Host", "s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 21:20:27 +0000",
                "x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:R4dJ53KECjStyBO5iTBJZ4XVOaI="), null);
        assertEquals("DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg",
                request.stringToSign());
        assertEquals(Instant.parse("2007-03-27T21:20:26Z"), request.requestTime().orElseThrow());
        verifyAt(request, "2007-03-27T21:20:26Z");
    }

    @Test
    void subResourcesAreSortedWithDecodedValuesAndOthersDropped() {
        SigV2Request request = parse(head("PUT", "/bucket/key", "uploadId=a%2Bb%20c&partNumber=3&foo=bar",
                "Date", "Tue, 27 Mar 2007 21:20:27 +0000",
                "Authorization", "AWS test:tester:c2lnbmF0dXJl"), null);
        assertEquals("PUT\n\n\nTue, 27 Mar 2007 21:20:27 +0000\n/bucket/key?partNumber=3&uploadId=a+b c",
                request.stringToSign());
        assertEquals("test:tester", request.accessKey());
        assertEquals("c2lnbmF0dXJl", request.signature());
    }

    @Test
    void aWrongSecretOrATamperedRequestDoesNotMatch() {
        SigV2Request request = parse(head("GET", "/photos/puppy.jpg", "",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU="), "johnsmith2");
        SignatureVerifier verifier = new SignatureVerifier(
                Clock.fixed(Instant.parse("2007-03-27T19:36:42Z"), ZoneOffset.UTC));
        S3AuthException mismatch = assertThrows(S3AuthException.class, () -> verifier.verify(request, SECRET));
        assertEquals("SignatureDoesNotMatch", mismatch.code().wireCode());
        assertEquals(request.stringToSign(), mismatch.details().get("StringToSign"));
        assertEquals("AKIAIOSFODNN7EXAMPLE", mismatch.details().get("AWSAccessKeyId"));
    }

    @Test
    void headerAuthenticationNeedsADateWithinTheSkew() {
        S3AuthException noDate = assertThrows(S3AuthException.class, () -> parse(head("GET", "/", "",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:x"), null));
        assertEquals("AccessDenied", noDate.code().wireCode());
        SigV2Request request = parse(head("GET", "/", "",
                "Date", "Wed, 28 Mar 2007 01:29:59 +0000",
                "Authorization", "AWS AKIAIOSFODNN7EXAMPLE:qGdzdERIC03wnaRNKh6OqZehG9s="), null);
        S3AuthException skewed = assertThrows(S3AuthException.class,
                () -> verifyAt(request, "2007-03-28T01:45:00Z"));
        assertEquals("RequestTimeTooSkewed", skewed.code().wireCode());
        assertEquals("900000", skewed.details().get("MaxAllowedSkewMilliseconds"));
        verifyAt(request, "2007-03-28T01:44:59Z");
    }

    @Test
    void malformedCredentialsAreRefused() {
        assertEquals("InvalidArgument", assertThrows(S3AuthException.class, () -> parse(head("GET", "/", "",
                "Date", "Wed, 28 Mar 2007 01:29:59 +0000", "Authorization", "AWS nocolon"), null)).code().wireCode());
        assertEquals("AccessDenied", assertThrows(S3AuthException.class, () -> parse(head("GET", "/",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc"), null)).code().wireCode());
        assertEquals("AccessDenied", assertThrows(S3AuthException.class, () -> parse(head("GET", "/",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc&Expires=tomorrow"), null)).code().wireCode());
    }
}
