package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A streamed body reaches the client whole, whatever its declared length says about the buffer to use. */
class S3ResponseStreamTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "4096, 4096", "65535, 65535", "65536, 65536", "200000, 200000", "4096, -1",
            "4096, 100", "100, 0"})
    void everyByteOfTheStreamIsWritten(int actual, long declared) throws IOException {
        byte[] bytes = new byte[actual];
        new Random(actual).nextBytes(bytes);
        var out = new ByteArrayOutputStream();
        try (S3Body body = S3Response.status(200).withStream(new ByteArrayInputStream(bytes), declared, null).body()) {
            body.writeTo(out);
        }
        assertArrayEquals(bytes, out.toByteArray());
    }
}
