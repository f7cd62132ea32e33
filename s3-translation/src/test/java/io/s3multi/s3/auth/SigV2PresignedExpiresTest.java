package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.Requests.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code Expires} of a SigV2 presigned URL is a client's number of seconds since the epoch. S3 compares it
 * with its clock as an integer of any size; the gateway must neither fail on values beyond what a
 * {@link java.time.Instant} holds (once a {@code DateTimeException}, a 500 for an unauthenticated request) nor
 * call them expired.
 */
class SigV2PresignedExpiresTest {

    private static final SignatureVerifier VERIFIER =
            new SignatureVerifier(Clock.fixed(ValidRequests.NOW, ZoneOffset.UTC));

    /** A presigned GET with this Expires, correctly signed for it. */
    private static SignedRequest presigned(String expires) {
        String query = "AWSAccessKeyId=" + ValidRequests.ACCESS_KEY + "&Expires=" + expires;
        ValidRequests.Signed unsigned = new ValidRequests.Signed("GET", "/bucket/key", query + "&Signature=x",
                List.of(), new byte[0]);
        String signature = java.util.Base64.getEncoder().encodeToString(Hashing.hmac("HmacSHA1", SECRET.utf8(),
                SignedRequestParser.parse(unsigned.head()).orElseThrow().stringToSign()));
        return SignedRequestParser.parse(new ValidRequests.Signed("GET", "/bucket/key",
                query + "&Signature=" + java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8),
                List.of(), new byte[0]).head()).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "31556889864403200", "31556889864403199", "1369400400"})
    void aFarFutureExpiryIsValidAndTheSignatureIsChecked(String expires) {
        SignedRequest request = presigned(expires);

        VERIFIER.verify(request, SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-9223372036854775808", "-31557014167219201", "0", "1369353599"})
    void aPastExpiryIsRequestHasExpired(String expires) {
        SignedRequest request = presigned(expires);

        S3AuthException refused = assertThrows(S3AuthException.class, () -> VERIFIER.verify(request, SECRET));

        assertEquals("AccessDenied", refused.code().wireCode());
        assertEquals("Request has expired", refused.getMessage());
    }
}
