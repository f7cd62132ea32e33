package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.Requests.EMPTY_SHA256;
import static io.s3multi.s3.auth.Requests.SECRET;
import static io.s3multi.s3.auth.Requests.head;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Malformed and hostile SigV4 requests, and the AWS error code each one gets. */
class SigV4ParserTest {

    private static final String CREDENTIAL = "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";
    private static final String GOOD_SIGNATURE = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

    private static RequestHead get(String authorization, String... extra) {
        String[] base = {"Host", "examplebucket.s3.amazonaws.com", "Range", "bytes=0-9",
            "x-amz-content-sha256", EMPTY_SHA256, "x-amz-date", "20130524T000000Z", "Authorization", authorization};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return head("GET", "/test.txt", "", all);
    }

    private static String auth(String credential, String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    private static S3AuthException refused(RequestHead head) {
        return assertThrows(S3AuthException.class, () -> SignedRequestParser.parse(head));
    }

    private static SignatureVerifier verifierAt(String instant) {
        return new SignatureVerifier(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void spacesAfterCommasAreAccepted() {
        SignedRequest request = SignedRequestParser.parse(get(auth(CREDENTIAL,
                "host;range;x-amz-content-sha256;x-amz-date", GOOD_SIGNATURE))).orElseThrow();
        verifierAt("2013-05-24T00:14:59Z").verify(request, SECRET);
    }

    @Test
    void aWrongSecretATamperedHeaderOrAnUpperCaseSignatureDoNotMatch() {
        String authorization = auth(CREDENTIAL, "host;range;x-amz-content-sha256;x-amz-date", GOOD_SIGNATURE);
        SignatureVerifier verifier = verifierAt("2013-05-24T00:00:00Z");
        SignedRequest good = SignedRequestParser.parse(get(authorization)).orElseThrow();
        S3AuthException wrongSecret = assertThrows(S3AuthException.class,
                () -> verifier.verify(good, SecretAccessKey.of("not the secret")));
        assertEquals("SignatureDoesNotMatch", wrongSecret.code().wireCode());
        assertEquals(good.stringToSign(), wrongSecret.details().get("StringToSign"));
        assertEquals(GOOD_SIGNATURE, wrongSecret.details().get("SignatureProvided"));
        assertTrue(wrongSecret.details().get("CanonicalRequest").startsWith("GET\n/test.txt\n"));
        assertTrue(wrongSecret.details().values().stream().noneMatch(v -> v.contains("wJalr")), "no secret leaks");

        RequestHead tampered = Requests.withHeader(get(authorization), "Range", "bytes=0-99");
        assertEquals("SignatureDoesNotMatch", assertThrows(S3AuthException.class, () -> verifier.verify(
                SignedRequestParser.parse(tampered).orElseThrow(), SECRET)).code().wireCode());

        RequestHead upper = get(auth(CREDENTIAL, "host;range;x-amz-content-sha256;x-amz-date",
                GOOD_SIGNATURE.toUpperCase()));
        assertEquals("SignatureDoesNotMatch", assertThrows(S3AuthException.class, () -> verifier.verify(
                SignedRequestParser.parse(upper).orElseThrow(), SECRET)).code().wireCode());
    }

    @Test
    void aRequestOutsideTheSkewIsRequestTimeTooSkewed() {
        SignedRequest request = SignedRequestParser.parse(get(auth(CREDENTIAL,
                "host;range;x-amz-content-sha256;x-amz-date", GOOD_SIGNATURE))).orElseThrow();
        S3AuthException late = assertThrows(S3AuthException.class,
                () -> verifierAt("2013-05-24T00:15:01Z").verify(request, SECRET));
        assertEquals("RequestTimeTooSkewed", late.code().wireCode());
        assertEquals("2013-05-24T00:00:00Z", late.details().get("RequestTime"));
        assertEquals("2013-05-24T00:15:01Z", late.details().get("ServerTime"));
        assertEquals("RequestTimeTooSkewed", assertThrows(S3AuthException.class,
                () -> verifierAt("2013-05-23T23:44:59Z").checkTime(request)).code().wireCode());
    }

    @Test
    void accessKeysMayContainColonsAndSlashes() {
        SigV4Request request = (SigV4Request) SignedRequestParser.parse(get(auth(
                "test:tester/extra/20130524/us-east-1/s3/aws4_request", "host", "0".repeat(64)))).orElseThrow();
        assertEquals("test:tester/extra", request.accessKey());
    }

    @Test
    void malformedAuthorizationHeadersAreAuthorizationHeaderMalformed() {
        String[] malformed = {
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host",                       // no signature
            "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + GOOD_SIGNATURE,                          // no credential
            "AWS4-HMAC-SHA256Credential=" + CREDENTIAL + ",SignedHeaders=host,Signature=x",             // no space
            auth("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3", "host", GOOD_SIGNATURE),                 // short scope
            auth("AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request", "host", GOOD_SIGNATURE),    // other day
            auth("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/iam/aws4_request", "host", GOOD_SIGNATURE),   // other service
            auth("AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws5_request", "host", GOOD_SIGNATURE),    // terminator
            auth("/20130524/us-east-1/s3/aws4_request", "host", GOOD_SIGNATURE),                        // no key
            auth(CREDENTIAL, "range;x-amz-date", GOOD_SIGNATURE),                                       // host unsigned
            auth(CREDENTIAL, "host;;range", GOOD_SIGNATURE),                                            // empty name
            auth(CREDENTIAL, "host", GOOD_SIGNATURE) + ", Signature=" + GOOD_SIGNATURE,                 // twice
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", garbage, Signature=x",                     // not name=value
        };
        for (String authorization : malformed) {
            assertEquals("AuthorizationHeaderMalformed", refused(get(authorization)).code().wireCode(), authorization);
        }
    }

    @Test
    void theAuthorizationFieldsAreSplitAtCommasAndTrimmed() {
        String signed = "host;range;x-amz-content-sha256;x-amz-date";
        for (String authorization : new String[] {
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + signed + ",Signature=" + GOOD_SIGNATURE,
            "AWS4-HMAC-SHA256  Credential=" + CREDENTIAL + " ,\tSignedHeaders=" + signed + " , Signature="
                    + GOOD_SIGNATURE + " ",
            auth(CREDENTIAL, signed, GOOD_SIGNATURE) + ",,",                      // trailing commas: ignored
        }) {
            SigV4Request request = (SigV4Request) SignedRequestParser.parse(get(authorization)).orElseThrow();
            assertEquals(GOOD_SIGNATURE, request.signature(), authorization);
            assertEquals("AKIAIOSFODNN7EXAMPLE", request.accessKey(), authorization);
            verifierAt("2013-05-24T00:00:00Z").verify(request, SECRET);
        }
        for (String authorization : new String[] {
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", \t, SignedHeaders=" + signed + ", Signature=x",  // blank
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",, SignedHeaders=" + signed + ", Signature=x",
            "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", =host, Signature=x",  // no name
            "AWS4-HMAC-SHA256 ",                                                  // no fields
        }) {
            assertEquals("AuthorizationHeaderMalformed", refused(get(authorization)).code().wireCode(), authorization);
        }
    }

    @Test
    void missingOrInvalidDatesAndPayloadHashesAreRefused() {
        String authorization = auth(CREDENTIAL, "host", GOOD_SIGNATURE);
        RequestHead noDate = head("GET", "/", "", "Host", "h", "x-amz-content-sha256", EMPTY_SHA256,
                "Authorization", authorization);
        assertEquals("AccessDenied", refused(noDate).code().wireCode());
        assertEquals("AccessDenied",
                refused(Requests.withHeader(get(authorization), "x-amz-date", "2013-05-24")).code().wireCode());
        RequestHead withDateOnly = head("GET", "/", "", "Host", "h", "x-amz-content-sha256", EMPTY_SHA256,
                "Date", "Fri, 24 May 2013 00:00:00 GMT", "Authorization", authorization);
        assertEquals("20130524T000000Z", ((SigV4Request) SignedRequestParser.parse(withDateOnly).orElseThrow()).amzDate());

        RequestHead noPayloadHash = head("GET", "/", "", "Host", "h", "x-amz-date", "20130524T000000Z",
                "Authorization", authorization);
        assertEquals("InvalidRequest", refused(noPayloadHash).code().wireCode());
        assertEquals("InvalidArgument",
                refused(Requests.withHeader(get(authorization), "x-amz-content-sha256", "beef")).code().wireCode());
        assertEquals("NotImplemented", refused(Requests.withHeader(get(authorization), "x-amz-content-sha256",
                "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD")).code().wireCode());
    }

    @Test
    void aclGrantMetadataAndCopySourceHeadersMustBeSigned() {
        String authorization = auth(CREDENTIAL, "host;range;x-amz-content-sha256;x-amz-date", GOOD_SIGNATURE);
        for (String header : new String[] {"x-amz-meta-owner", "x-amz-acl", "x-amz-grant-read", "x-amz-copy-source"}) {
            S3AuthException unsigned = refused(get(authorization, header, "value"));
            assertEquals("AccessDenied", unsigned.code().wireCode(), header);
            assertEquals(header, unsigned.details().get("HeadersNotSigned"));
        }
        // Other x-amz-* headers may travel unsigned, as S3 allows.
        SignedRequestParser.parse(get(authorization, "x-amz-request-payer", "requester"));
    }

    @Test
    void presignedUrlParametersAreValidated() {
        String base = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + CREDENTIAL.replace("/", "%2F")
                + "&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=" + GOOD_SIGNATURE;
        String[][] cases = {
            {base + "&X-Amz-Expires=604801", "AuthorizationQueryParametersError"},
            {base + "&X-Amz-Expires=0", "AuthorizationQueryParametersError"},
            {base + "&X-Amz-Expires=-1", "AuthorizationQueryParametersError"},
            {base + "&X-Amz-Expires=soon", "AuthorizationQueryParametersError"},
            {base, "AuthorizationQueryParametersError"},
            {base.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256") + "&X-Amz-Expires=60",
                "AuthorizationQueryParametersError"},
            {base.replace("20130524T000000Z", "2013-05-24T00:00:00Z") + "&X-Amz-Expires=60",
                "AuthorizationQueryParametersError"},
            {base.replace("%2Fs3%2F", "%2Fsqs%2F") + "&X-Amz-Expires=60", "AuthorizationQueryParametersError"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], refused(head("GET", "/k", c[0], "Host", "h")).code().wireCode(), c[0]);
        }
        SigV4Request week = (SigV4Request) SignedRequestParser.parse(head("GET", "/k", base + "&X-Amz-Expires=604800",
                "Host", "h")).orElseThrow();
        assertEquals(Instant.parse("2013-05-31T00:00:00Z"), week.expiresAt().orElseThrow());
        assertEquals(PayloadMode.UNSIGNED, week.payloadMode());
        assertEquals("NotImplemented", refused(head("GET", "/k", base + "&X-Amz-Expires=60", "Host", "h",
                "x-amz-content-sha256", PayloadMode.STREAMING_SIGNED_PAYLOAD)).code().wireCode());
    }

    @Test
    void oneAuthenticationMechanismAtATimeAndOnlyKnownSchemes() {
        String authorization = auth(CREDENTIAL, "host", GOOD_SIGNATURE);
        RequestHead both = head("GET", "/k", "X-Amz-Signature=abc", "Authorization", authorization);
        assertEquals("InvalidArgument", refused(both).code().wireCode());
        RequestHead v2AndV4 = head("GET", "/k", "X-Amz-Credential=a&AWSAccessKeyId=b");
        assertEquals("InvalidArgument", refused(v2AndV4).code().wireCode());
        S3AuthException bearer = refused(head("GET", "/k", "", "Authorization", "Bearer token"));
        assertEquals("InvalidArgument", bearer.code().wireCode());
        assertEquals("Authorization", bearer.details().get("ArgumentName"));
        assertTrue(SignedRequestParser.parse(head("GET", "/k", "prefix=a", "Host", "h")).isEmpty(), "anonymous");
    }

    @Test
    void canonicalQueryDecodesPlusAsSpaceAndReEncodesEverythingTheAwsWay() {
        QueryParameters query = QueryParameters.parse("b=2&a=x+y&a=%2B&c&d=%7e%2f&%zz=1&e=caf%C3%A9");
        assertEquals("%25zz=1&a=%2B&a=x%20y&b=2&c=&d=~%2F&e=caf%C3%A9",
                SigV4CanonicalRequest.canonicalQuery(query, false));
        assertEquals("a=1", SigV4CanonicalRequest.canonicalQuery(QueryParameters.parse("X-Amz-Signature=s&a=1"), true));
    }

    @Test
    void canonicalPathKeepsTheClientsEscapesAndEncodesOnlyWhatIsRaw() {
        assertEquals("/", AwsUriEncoding.canonicalPath(""));
        assertEquals("/a%2Fb/%7e/c%20d", AwsUriEncoding.canonicalPath("/a%2Fb/%7e/c%20d"));
        assertEquals("/a%20b/%24/%C3%A9/%2B/~/%25zz", AwsUriEncoding.canonicalPath("/a b/$/é/+/~/%zz"));
        assertEquals("//double//slash/./..", AwsUriEncoding.canonicalPath("//double//slash/./.."));
    }

    @Test
    void headerValuesAreTrimmedFoldedAndJoined() {
        assertEquals("a b,c", SigV4CanonicalRequest.canonicalHeaderValue(java.util.List.of("  a   \t b ", "c")));
        assertEquals("", SigV4CanonicalRequest.canonicalHeaderValue(java.util.List.of()));
    }
}
