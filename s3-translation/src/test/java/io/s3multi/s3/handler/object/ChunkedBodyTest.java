package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    @Test
    void onlyChunkedAloneIsAPlainChunkedBody() {
        assertTrue(ChunkedBody.isPlainChunked(Heads.of("Transfer-Encoding", "chunked")));
        assertTrue(ChunkedBody.isPlainChunked(Heads.of("Transfer-Encoding", " Chunked ")));
        assertFalse(ChunkedBody.isPlainChunked(Heads.of("Content-Length", "3")));
        S3Exception gzip = assertThrows(S3Exception.class,
                () -> ChunkedBody.isPlainChunked(Heads.of("Transfer-Encoding", "gzip, chunked")));
        assertEquals("NotImplemented", gzip.code().wireCode());
    }

    @Test
    void aCappedBodyHandsOutItsLimitAndThrowsEntityTooLargeInsteadOfTheByteBeyond() throws Exception {
        InputStream exact = ChunkedBody.capped(new ByteArrayInputStream(new byte[10]), 10);
        assertEquals(10, exact.readAllBytes().length);

        InputStream over = ChunkedBody.capped(new ByteArrayInputStream(new byte[11]), 10);
        byte[] buffer = new byte[10];
        assertEquals(10, over.readNBytes(buffer, 0, 10));
        S3Exception tooLarge = assertThrows(S3Exception.class, over::read);
        assertEquals("EntityTooLarge", tooLarge.code().wireCode());
    }
}
