package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatBodyTest {

    private static HeartbeatBody.Work work(Duration takes, Object answer, AtomicBoolean abandoned) {
        return new HeartbeatBody.Work() {
            @Override
            public Object run() {
                try {
                    Thread.sleep(takes.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (answer instanceof S3Exception error) {
                    throw error;
                }
                return answer;
            }

            @Override
            public void abandon() {
                abandoned.set(true);
            }
        };
    }

    @Test
    void writesTheDeclarationThenSpacesWhileWorkingThenTheResult() throws Exception {
        var result = new CompleteMultipartUploadResult("http://h/b/k", "b", "k", "\"abc-2\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicBoolean abandoned = new AtomicBoolean();
        try (HeartbeatBody body = new HeartbeatBody(work(Duration.ofMillis(350), result, abandoned),
                Duration.ofMillis(50), "tx1")) {
            assertEquals(-1, body.length());
            body.writeTo(out);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n "), text);
        String afterDeclaration = text.substring(text.indexOf('\n') + 1);
        int spaces = afterDeclaration.indexOf('<');
        assertTrue(spaces >= 3, "heartbeats: " + spaces);
        assertTrue(afterDeclaration.substring(0, spaces).isBlank());
        assertTrue(afterDeclaration.substring(spaces).startsWith("<CompleteMultipartUploadResult"), text);
        assertTrue(text.contains("<ETag>&quot;abc-2&quot;</ETag>") || text.contains("<ETag>\"abc-2\"</ETag>"), text);
        assertEquals(1, text.split("<\\?xml", -1).length - 1, "one declaration only");
        assertFalse(abandoned.get());
    }

    @Test
    void aFailureBecomesAnErrorDocumentInTheSameBody() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HeartbeatBody(work(Duration.ZERO, S3Exception.invalidPart("id", 2, "\"x\""), new AtomicBoolean()),
                Duration.ofSeconds(10), "tx2").writeTo(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml"), text);
        assertTrue(text.contains("<Error><Code>InvalidPart</Code>"), text);
        assertTrue(text.contains("<RequestId>tx2</RequestId>"), text);
        assertEquals(1, text.split("<\\?xml", -1).length - 1, "one declaration only");
    }

    @Test
    void headersLearnedBeforeTheFirstHeartbeatGoOutWithTheAnswer() throws Exception {
        var result = new HeartbeatBody.Answer(new CompleteMultipartUploadResult("http://h/b/k", "b", "k", "\"a-1\""),
                java.util.Map.of("x-amz-version-id", "1796608640.37813"));
        java.util.Map<String, String> late = new java.util.HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HeartbeatBody(work(Duration.ZERO, result, new AtomicBoolean()), Duration.ofSeconds(10), "tx4")
                .writeTo(out, late::put);
        assertEquals(java.util.Map.of("x-amz-version-id", "1796608640.37813"), late);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<CompleteMultipartUploadResult"));

        // Work that outlasts the first heartbeat: it ends only once the heartbeat wrote the first byte.
        java.util.concurrent.CountDownLatch firstByte = new java.util.concurrent.CountDownLatch(1);
        ByteArrayOutputStream watched = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                super.write(bytes, offset, length);
                firstByte.countDown();
            }
        };
        HeartbeatBody.Work slow = new HeartbeatBody.Work() {
            @Override
            public Object run() {
                try {
                    assertTrue(firstByte.await(10, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }

            @Override
            public void abandon() {
            }
        };
        java.util.Map<String, String> tooLate = new java.util.HashMap<>();
        new HeartbeatBody(slow, Duration.ofMillis(20), "tx5").writeTo(watched, tooLate::put);
        assertTrue(tooLate.isEmpty(), "the status and headers went out with the first heartbeat");
        assertTrue(watched.toString(StandardCharsets.UTF_8).contains("<CompleteMultipartUploadResult"));
    }

    @Test
    void aBodyNeverWrittenAbandonsItsWork() {
        AtomicBoolean abandoned = new AtomicBoolean();
        new HeartbeatBody(work(Duration.ZERO, "x", abandoned), Duration.ofSeconds(1), "tx3").close();
        assertTrue(abandoned.get());
    }
}
