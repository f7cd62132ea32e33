package io.s3multi.filters.s3api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.filters.proxylogging.ProxyLoggingFilter;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the logs say about requests that go wrong at the edge: never a credential, one short line per failure, and
 * an access-log line that tells a client that went away or an error sent after a 200 from success. The gateway
 * runs in a real Jetty (tempauth, a stand-in for the handlers, proxy_server towards a closed port); the logs are
 * captured from standard error, where slf4j-simple writes them, until the server has stopped, so that whatever
 * Jetty logs after a request is included.
 */
class S3EdgeLoggingTest {

    private static final long BIG = 64L * 1024 * 1024;

    private final LinkedBlockingQueue<AccessRecord> records = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private GatewayUnderTest gateway;

    /** The handlers' stand-in. */
    private static S3Response handle(S3Operation operation, S3Call call) {
        switch (call.key() == null ? "" : call.key()) {
            case "big":
                return S3Response.status(200).withStream(new Endless(), BIG, null);
            case "upload":
                try (InputStream body = call.body().open(Set.of()).stream()) {
                    body.transferTo(OutputStream.nullOutputStream());
                    return S3Response.status(200);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case "late-error":
                return S3Response.status(200).withBody(new LateError());
            default:
                return S3Response.noContent();
        }
    }

    @BeforeEach
    void start() throws Exception {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        gateway = S3EdgeTest.startWith(new S3ApiFilter(S3EdgeLoggingTest::handle, List.of(), Clock.systemUTC()));
        gateway.pipeline().filter("proxy_logging", ProxyLoggingFilter.class).addListener(records::add);
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        System.setErr(originalErr);
    }

    /** Stops the gateway (its requests finish, Jetty logs what it logs) and returns everything logged. */
    private String logAfterStop() throws Exception {
        gateway.close();
        gateway = null;
        System.err.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    private AccessRecord nextRecord() throws InterruptedException {
        AccessRecord record = records.poll(30, TimeUnit.SECONDS);
        assertNotNull(record, "no access record");
        return record;
    }

    @Test
    void aPresignedDownloadTheClientCutsShortIsOneShortInfoLineWithoutTheSignature() throws Exception {
        String expires = Long.toString(System.currentTimeMillis() / 1000 + 600);
        String signature = sign("GET\n\n\n" + expires + "\n/bucket/big");
        String target = "/bucket/big?AWSAccessKeyId=test%3Atester&Expires=" + expires + "&Signature="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8);

        try (var socket = new Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: gw\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readNBytes(256 * 1024);
            socket.setSoLinger(true, 0);   // a reset, as a client that cancels
        }
        AccessRecord record = nextRecord();
        String log = logAfterStop();

        assertEquals(200, record.status());
        assertTrue(record.bytesOut() < BIG, record.toLogLine());
        assertEquals("client-gone", record.note(), record.toLogLine());
        assertSecretsAbsent(log, signature, URLEncoder.encode(signature, StandardCharsets.UTF_8));
        List<String> about = linesAbout(log, record.transId());
        assertEquals(2, about.size(), "one line of s3api, one access line: " + about);
        assertTrue(about.get(0).contains(" INFO "), about.get(0));
        assertTrue(about.get(0).length() < 400, about.get(0));
        assertFalse(log.contains(" WARN ") || log.contains(" ERROR "), log);
    }

    @Test
    void aSignatureParameterWhoseNameIsEscapedIsHiddenToo() throws Exception {
        try (var socket = new Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write(("GET /bucket/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signatur%65="
                    + "c0ffee0123456789 HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readAllBytes();
        }
        AccessRecord record = nextRecord();
        String log = logAfterStop();

        assertSecretsAbsent(log + record.toLogLine(), "c0ffee0123456789");
        assertTrue(record.rawQuery().contains("X-Amz-Signatur%65=***"), record.toLogLine());
    }

    @Test
    void aClientThatDisconnectsMidUploadIsA499AndOneInfoLineWithoutAStackTrace() throws Exception {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String authorization = "AWS test:tester:" + sign("PUT\n\n\n" + date + "\n/bucket/upload");
        try (var socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /bucket/upload HTTP/1.1\r\nHost: gw\r\nDate: " + date + "\r\nAuthorization: "
                    + authorization + "\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[10_000]);
            out.flush();
            socket.setSoLinger(true, 0);
        }
        AccessRecord record = nextRecord();
        String log = logAfterStop();

        assertEquals(499, record.status(), record.toLogLine());
        assertEquals("client-gone", record.note(), record.toLogLine());
        assertTrue(record.toLogLine().endsWith(" 499 " + record.bytesIn() + " " + record.bytesOut() + " "
                + record.duration().toMillis() + "ms " + record.transId()
                + " PutObject test:tester arn:aws:iam::AUTH_test:user/tester@own client-gone"),
                record.toLogLine());
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        assertFalse(log.contains(" WARN ") || log.contains(" ERROR "), log);
        assertSecretsAbsent(log, authorization.substring(authorization.lastIndexOf(':') + 1));
        assertEquals(2, linesAbout(log, record.transId()).size(), log);
    }

    @Test
    void anErrorWrittenAfterA200IsInTheAccessLogAndOneWarnLine() throws Exception {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        try (var socket = new Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write(("POST /bucket/late-error?uploadId=u HTTP/1.1\r\nHost: gw\r\nDate: " + date
                    + "\r\nAuthorization: AWS test:tester:" + sign("POST\n\n\n" + date + "\n/bucket/late-error"
                    + "?uploadId=u") + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.contains("<Code>InternalError</Code>"), answer);
        }
        AccessRecord record = nextRecord();
        String log = logAfterStop();

        assertEquals(200, record.status());
        assertEquals("InternalError", record.note(), record.toLogLine());
        assertTrue(record.toLogLine().endsWith(" InternalError"), record.toLogLine());
        List<String> about = linesAbout(log, record.transId());
        assertEquals(2, about.size(), about.toString());
        assertTrue(about.get(0).contains(" WARN ") && about.get(0).contains("InternalError"), about.get(0));
    }

    @Test
    void aSwiftTempUrlThatFailsAtTheBackendIsLoggedWithoutItsSignature() throws Exception {
        try (var socket = new Socket("127.0.0.1", gateway.port())) {
            socket.getOutputStream().write(("GET /v1/AUTH_test/c/o?temp_url_sig=da39a3ee5e6b4b0d3255bfef95601890afd8"
                    + "&temp_url_expires=9999999999 HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readAllBytes();
        }
        AccessRecord record = nextRecord();
        String log = logAfterStop();

        assertTrue(record.status() >= 500, record.toLogLine());
        assertTrue(log.contains(" WARN "), "the backend failure is logged: " + log);
        assertSecretsAbsent(log, "da39a3ee5e6b4b0d3255bfef95601890afd8");
    }

    private static void assertSecretsAbsent(String log, String... secrets) {
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log shows " + secret + ":\n" + log);
        }
    }

    private static List<String> linesAbout(String log, String transId) {
        return log.lines().filter(line -> line.contains(transId)).toList();
    }

    private static String sign(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec("testing".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes without end, as a large object streamed from Swift. */
    private static final class Endless extends InputStream {
        @Override
        public int read() {
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }
    }

    /** A body that answers 200 at once and ends in an error, as a failed CompleteMultipartUpload does. */
    private static final class LateError implements S3Body {
        @Override
        public long length() {
            return -1;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code></Error>"
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<S3Exception> errorWritten() {
            return Optional.of(S3Exception.internalError("Swift failed the manifest"));
        }
    }
}
