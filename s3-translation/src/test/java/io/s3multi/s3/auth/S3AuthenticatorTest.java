package io.s3multi.s3.auth;

import static io.s3multi.s3.auth.Requests.head;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3AuthenticatorTest {

    /** A tempauth-like store: users from configuration. */
    private final CredentialStore<String> store = accessKey -> Optional.ofNullable(Map.of(
            "AKIAIOSFODNN7EXAMPLE", new S3Credential<>("AKIAIOSFODNN7EXAMPLE", Requests.SECRET, "AUTH_example"),
            "test:tester", new S3Credential<>("test:tester", SecretAccessKey.of("wrong"), "AUTH_test")
    ).get(accessKey));

    private final S3Authenticator<String> authenticator = new S3Authenticator<>(store,
            new SignatureVerifier(Clock.fixed(Instant.parse("2007-03-27T19:36:42Z"), ZoneOffset.UTC)));

    private static SignedRequest puppy(String accessKey) {
        return SignedRequestParser.parse(head("GET", "/photos/puppy.jpg", "",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS " + accessKey + ":bWq2s1WEIj+Ydj0vQ697zp+IXMU="), "johnsmith").orElseThrow();
    }

    @Test
    void aKnownKeyWithTheRightSecretYieldsItsIdentity() {
        S3Authenticator.Authenticated<String> who = authenticator.authenticate(puppy("AKIAIOSFODNN7EXAMPLE"))
                .orElseThrow();
        assertEquals("AUTH_example", who.identity());
        assertTrue(who.signature().signingKey().isEmpty(), "SigV2 has no derived key");
    }

    @Test
    void anUnknownKeyIsLeftToTheNextStage() {
        assertTrue(authenticator.authenticate(puppy("nobody")).isEmpty());
    }

    @Test
    void aKnownKeyWithAnotherSecretDoesNotMatch() {
        assertEquals("SignatureDoesNotMatch", assertThrows(S3AuthException.class,
                () -> authenticator.authenticate(puppy("test:tester"))).code().wireCode());
    }
}
