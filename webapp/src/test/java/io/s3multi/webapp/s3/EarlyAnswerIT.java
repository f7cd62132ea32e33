package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;

/**
 * An answer the gateway gives before it has read the request's body reaches a client that sends its whole body
 * first and reads the answer after (as curl does once it got {@code 100 Continue}, and as the connection stays open,
 * for keep-alive): the gateway drains the rest of the body before it closes, never closing over unread bytes, which
 * would make the kernel reset the connection and take the answer with it.
 */
class EarlyAnswerIT extends S3IntegrationTest {

    /** Far more than the socket buffers of both ends take while the gateway answers. */
    private static final int BODY = 16 * 1024 * 1024;
    private static final int ATTEMPTS = 5;

    @Test
    void anErrorAnsweredBeforeTheBodyWasReadReachesAClientThatIsStillSending() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));

        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            SdkHttpRequest put = RawS3.put(gateway().endpoint(), "/" + bucket + "/k", BODY);
            SdkHttpRequest forged = RawS3.sign(S3TestGateway.TESTER, "not-the-secret", put, null, Clock.systemUTC(),
                    o -> o.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request();
            try (var socket = new Socket("127.0.0.1", gateway().port())) {
                socket.setSoTimeout(60_000);
                boolean bodySent = sendKeepingAlive(socket, forged);
                RawResponse answer = RawS3.read(socket.getInputStream());
                assertTrue(bodySent, "attempt " + attempt + ": the connection was reset under the body; "
                        + "what arrived: " + answer);
                assertEquals(403, answer.status(), "attempt " + attempt + ": " + answer);
                assertEquals("SignatureDoesNotMatch", answer.errorCode(), answer.toString());
                assertEquals("close", answer.header("Connection"), answer.toString());
            }
        }
        assertTrue(S3TestGateway.objectNames(swift(), bucket).isEmpty(), "Swift stored nothing");
    }

    /** Sends the head (no {@code Connection: close}) and the whole body; false when the gateway reset it. */
    private static boolean sendKeepingAlive(Socket socket, SdkHttpRequest request) {
        var head = new StringBuilder(request.method().name()).append(' ').append(request.encodedPath())
                .append(" HTTP/1.1\r\nHost: ").append(request.host()).append(':').append(request.port()).append("\r\n");
        request.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(BODY).append("\r\n\r\n");
        try {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < BODY; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            return true;
        } catch (IOException reset) {
            return false;
        }
    }
}
