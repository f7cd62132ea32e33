package io.s3multi.s3.post;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostFormTest {

    private static final String BOUNDARY = "xYzZY";
    private static final String TYPE = "multipart/form-data; boundary=\"" + BOUNDARY + "\"";

    @Test
    void fieldsBeforeTheFileAreReadAndTheFileStreamsToTheNextBoundary() throws IOException {
        byte[] file = new byte[200_000];
        // all but the last byte of the delimiter, over and over: they must not end the file
        for (int i = 0; i < file.length; i += 9) {
            byte[] almost = "\r\n--xYzZ".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(almost, 0, file, i, Math.min(almost.length, file.length - i));
        }
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"Key\"\r\n\r\nuser/${filename}\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x-amz-meta-a\"\r\n\r\nline1\r\n\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\docs\\\\a b.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nx\r\n--"
                + BOUNDARY + "--\r\n";

        PostForm form = PostForm.read(body(head, file, tail), TYPE);

        assertEquals(Map.of("key", "user/${filename}", "x-amz-meta-a", "line1\r\n"), form.fields());
        assertEquals("a b.txt", form.fileName());
        assertEquals("text/plain", form.fileContentType().orElseThrow());
        assertArrayEquals(file, form.file().readAllBytes());
        assertEquals(-1, form.file().read());
    }

    @Test
    void aBodyCutShortInTheFileFailsTheFileStream() {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n";
        PostForm form = PostForm.read(body(head, new byte[100_000], ""), TYPE);
        S3Exception error = assertThrows(S3Exception.class, () -> form.file().readAllBytes());
        assertEquals("MalformedPOSTRequest", error.code().wireCode());
    }

    @Test
    void refusalsAreAwsErrors() {
        assertEquals("PreconditionFailed", code(() -> PostForm.read(body("", new byte[0], ""), "text/plain")));
        assertEquals("InvalidArgument", code(() -> PostForm.read(body("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--" + BOUNDARY + "--\r\n",
                new byte[0], ""), TYPE)));
        assertEquals("MaxPostPreDataLengthExceededError", code(() -> PostForm.read(body("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + "k".repeat(30_000) + "\r\n--"
                + BOUNDARY + "--\r\n", new byte[0], ""), TYPE)));
        assertEquals("MalformedPOSTRequest", code(() -> PostForm.read(body("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nno end", new byte[0], ""), TYPE)));
    }

    private static String code(Runnable read) {
        return assertThrows(S3Exception.class, read::run).code().wireCode();
    }

    private static InputStream body(String head, byte[] file, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + file.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(file, 0, all, h.length, file.length);
        System.arraycopy(t, 0, all, h.length + file.length, t.length);
        // a network delivers in small pieces: a delimiter may straddle reads
        return new ByteArrayInputStream(all) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 777));
            }
        };
    }
}
