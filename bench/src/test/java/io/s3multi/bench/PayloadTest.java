package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadTest {

    private final Payload payload = new Payload(7);

    @Test
    void partsStreamedSeparatelyConcatenateToTheWholeObjectsMd5() throws IOException {
        long size = 5L * (1 << 20) + 12345;
        MessageDigest md5 = Payload.newMd5();
        for (PartPlan part : PartPlan.of(size, 2 << 20)) {
            try (InputStream in = payload.stream(part.offset(), part.length())) {
                byte[] buffer = new byte[100_000];
                long total = 0;
                for (int n; (n = in.read(buffer)) >= 0; total += n) {
                    md5.update(buffer, 0, n);
                }
                assertEquals(part.length(), total);
            }
        }
        assertEquals(HexFormat.of().formatHex(md5.digest()), payload.md5(size));
    }

    @Test
    void streamAndBytesAgreeAtAnyOffsetAcrossThePatternsEnd() throws IOException {
        long offset = (1 << 20) + 4000;
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (InputStream in = payload.stream(offset, 300)) {
            int b;
            while ((b = in.read()) >= 0) {
                streamed.write(b);
            }
        }
        assertArrayEquals(payload.bytes(offset, 300), streamed.toByteArray());
    }

    @Test
    void partsOfAWholeMibDiffer() {
        assertNotEquals(HexFormat.of().formatHex(payload.bytes(0, 64)),
                HexFormat.of().formatHex(payload.bytes(1 << 20, 64)));
    }

    @Test
    void partPlanCoversTheObjectWithAShortLastPart() {
        List<PartPlan> parts = PartPlan.of(11, 4);
        assertEquals(List.of(new PartPlan(1, 0, 4), new PartPlan(2, 4, 4), new PartPlan(3, 8, 3)), parts);
    }
}
