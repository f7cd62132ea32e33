package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.PartReads;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link PartReads}, the helper the object handlers call for GetObject/HeadObject with {@code partNumber}: part
 * n of a (nested) multipart object is located from the listing and read back from Swift with its range.
 */
class MultipartPartReadsIT extends MultipartIntegrationTest {

    @Test
    void theNthNamedPartIsLocatedAndReadsBackIdentical() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[][] bodies = new byte[7][];
        List<CompletedPart> named = new ArrayList<>();
        for (int number = 1; number <= 7; number++) {
            int n = number;
            bodies[n - 1] = randomBytes(MIN_PART_SIZE + n, n);
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(bodies[n - 1])).eTag();
            if (n != 2) {   // part 2 is left out: the object's parts are 1, 3, 4, 5, 6, 7
                named.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
            }
        }
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(named)));
        SwiftHeaders head = swift().objects().head(bucket, "k", SwiftHeaders.empty()).headers();
        int[] uploaded = {1, 3, 4, 5, 6, 7};
        for (int ordinal = 1; ordinal <= uploaded.length; ordinal++) {
            PartReads.PartRange range = PartReads.locate(swift(), bucket, head, ordinal);
            assertEquals(6, range.partsCount());
            try (SwiftResponse part = swift().objects().get(bucket, "k",
                    SwiftHeaders.of("Range", range.rangeHeader()))) {
                assertArrayEquals(bodies[uploaded[ordinal - 1] - 1], part.body().readAllBytes(), "part " + ordinal);
            }
        }
        S3Exception beyond = assertThrows(S3Exception.class, () -> PartReads.locate(swift(), bucket, head, 7));
        assertEquals("InvalidRange", beyond.code().wireCode());   // AWS: InvalidPartNumber, not in the table yet
        assertEquals(416, beyond.httpStatus());
    }

    @Test
    void aPlainObjectIsItsOwnOnlyPart() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(new byte[500]));
        SwiftHeaders head = swift().objects().head(bucket, "plain", SwiftHeaders.empty()).headers();
        PartReads.PartRange whole = PartReads.locate(swift(), bucket, head, 1);
        assertNull(whole.partsCount());
        assertEquals("bytes=0-499", whole.rangeHeader());
        assertThrows(S3Exception.class, () -> PartReads.locate(swift(), bucket, head, 2));
    }
}
