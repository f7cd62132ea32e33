package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void onlyCredentialValuesAreHidden() {
        assertEquals("Signature=***&Expires=1&AWSAccessKeyId=AKID", LogSafe.query(
                "Signature=abc%2Bdef&Expires=1&AWSAccessKeyId=AKID"));
        assertEquals("x-amz-security-token=***&uploads", LogSafe.query("x-amz-security-token=tok&uploads"));
        assertEquals("signature&a=&=b&&", LogSafe.query("signature&a=&=b&&"));
        assertNull(LogSafe.query(null));
    }

    @Test
    void presignedV4AndSwiftTempUrlsKeepTheirCredentialButNotTheirSignature() {
        assertEquals("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%3Atester%2F20261206%2Fus-east-1%2Fs3"
                + "%2Faws4_request&X-Amz-Signature=***", LogSafe.query("X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=test%3Atester%2F20261206%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=0123abcd"));
        assertEquals("temp_url_sig=***&temp_url_expires=1", LogSafe.query("temp_url_sig=f00d&temp_url_expires=1"));
    }

    @Test
    void namesAreComparedDecodedSoAnEscapedNameHidesNothing() {
        assertEquals("X-Amz-Signatur%65=***", LogSafe.query("X-Amz-Signatur%65=0123abcd"));
        assertEquals("%53ignature=***", LogSafe.query("%53ignature=secret"));
        assertEquals("temp%5Furl%5Fsig=***", LogSafe.query("temp%5Furl%5Fsig=secret"));
        assertEquals("x-amz-signature+=***", LogSafe.query("x-amz-signature+=secret"));
        // A name that does not decode hides its value: it may be read as one that does.
        assertEquals("Signature%=***", LogSafe.query("Signature%=secret"));
    }

    @Test
    void credentialHeadersAreNeverShown() {
        for (String name : new String[] {"Authorization", "x-auth-token", "X-Storage-Token", "x-amz-security-token",
                "X-Auth-Key"}) {
            assertEquals("***", LogSafe.header(name, "secret"), name);
        }
        assertEquals("text/plain", LogSafe.header("Content-Type", "text/plain"));
    }

    @Test
    void aFailureIsOneShortLineWithoutCredentials() {
        var dump = "HttpConnection@1{" + "x".repeat(5000) + "}\n\tat nowhere";
        var failure = new IOException("GET /b/k?X-Amz-Signature=0123abcd&x=1 failed",
                new IllegalStateException(dump));
        String line = LogSafe.failure(failure);
        assertFalse(line.contains("0123abcd"), line);
        assertFalse(line.contains("\n"), line);
        assertTrue(line.length() < 400, line);
        assertTrue(line.startsWith("IOException: GET /b/k?X-Amz-Signature=***&x=1 failed <- IllegalStateException: "),
                line);
        String quoted = LogSafe.text("refused Authorization: AWS4-HMAC-SHA256 Credential=k/d/r/s3/aws4_request,"
                + " SignedHeaders=host, Signature=0123abcd; X-Auth-Token: AUTH_tk42");
        assertFalse(quoted.contains("0123abcd") || quoted.contains("AUTH_tk42"), quoted);
    }
}
