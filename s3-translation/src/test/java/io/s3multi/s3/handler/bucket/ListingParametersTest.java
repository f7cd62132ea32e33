package io.s3multi.s3.handler.bucket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.request.S3RequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingParametersTest {

    @Test
    void maxKeysDefaultsToTheLimitAndIsCappedToIt() {
        assertEquals(1000, MaxKeys.parse(Optional.empty(), 1000));
        assertEquals(1000, MaxKeys.parse(Optional.of("5000"), 1000));
        assertEquals(1000, MaxKeys.parse(Optional.of("2147483647"), 1000));
        assertEquals(10, MaxKeys.parse(Optional.of("10"), 1000));
        assertEquals(0, MaxKeys.parse(Optional.of("0"), 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1.5", "10x", "2147483648", "99999999999999999999", "-1"})
    void maxKeysThatIsNotANonNegativeIntIsInvalidArgument(String raw) {
        S3Exception refused = assertThrows(S3Exception.class, () -> MaxKeys.parse(Optional.of(raw), 1000));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertEquals("max-keys", refused.details().get("ArgumentName"));
        assertEquals(raw, refused.details().get("ArgumentValue"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10001", " 20000 "})
    void maxBucketsOutsideOneToTenThousandIsInvalidArgument(String raw) {
        S3Exception refused = assertThrows(S3Exception.class, () -> bucketsPage("max-buckets=" + raw.strip()));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertEquals("Argument max-buckets must be an integer between 1 and 10000", refused.getMessage());
        assertEquals("max-buckets", refused.details().get("ArgumentName"));
    }

    @Test
    void bucketsArePagedOnlyWhenAPageParameterIsSent() {
        assertEquals(new BucketsPage(false, Integer.MAX_VALUE, null, null), bucketsPage(""));
        assertEquals(new BucketsPage(true, 10_000, "", null), bucketsPage("prefix="));
        assertEquals(new BucketsPage(true, 10_000, null, null), bucketsPage("continuation-token="));
        assertEquals(new BucketsPage(true, 2, "p", "b"),
                bucketsPage("max-buckets=2&prefix=p&continuation-token=" + ContinuationToken.encode("b")));
        S3Exception notANumber = assertThrows(S3Exception.class, () -> bucketsPage("max-buckets=ten"));
        assertEquals("Provided max-buckets not an integer or within integer range", notANumber.getMessage());
    }

    private static BucketsPage bucketsPage(String query) {
        return BucketsPage.of(new S3RequestParser().parse(new RequestHead("GET", "/", query, Map.of())));
    }

    @Test
    void continuationTokensRoundTripAnyName() {
        for (String name : List.of("a", "dir/", "a b+c%20?#", "😀/zé", "\u0001", "x".repeat(1024))) {
            String token = ContinuationToken.encode(name);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertEquals(name, ContinuationToken.decode(token));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "abc", "2YQ", "1***", "1_w"})
    void aTokenTheGatewayDidNotWriteIsInvalidArgument(String token) {
        S3Exception refused = assertThrows(S3Exception.class, () -> ContinuationToken.decode(token));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertEquals("continuation-token", refused.details().get("ArgumentName"));
    }

    @Test
    void urlEncodingKeepsUnreservedAndSlashAndEncodesEverythingElse() {
        assertEquals("a%20b%2Bc%25d%3Fe%23f//../x/", KeyEncoding.URL.apply("a b+c%d?e#f//../x/"));
        assertEquals("z%C3%A9%F0%9F%98%80", KeyEncoding.URL.apply("zé😀"));
        assertEquals("%01%7F", KeyEncoding.URL.apply("\u0001\u007f"));
        assertEquals("A-Z_a.z~0/9", KeyEncoding.URL.apply("A-Z_a.z~0/9"));
        assertNull(KeyEncoding.URL.apply(null));
        assertEquals("a b", KeyEncoding.NONE.apply("a b"));
    }

    @Test
    void urlEncodedNamesDecodeBackExactlyWithFormDecoding() {
        for (String name : List.of("a b+c", "100% sure?", "x#y&z=w", "😀 zé", "a//b/../c/")) {
            assertEquals(name, URLDecoder.decode(KeyEncoding.URL.apply(name), StandardCharsets.UTF_8));
        }
    }
}
