package io.s3multi.webapp.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.PartReads;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * GetObject/HeadObject with {@code partNumber} through the SDK, and {@link PartReads}, the helper the object
 * handlers call for it: part n of a (nested) multipart object is located from the listing and read back from
 * Swift with its range.
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
        assertEquals("InvalidPart", beyond.code().wireCode());
        assertEquals(400, beyond.httpStatus());
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

    @Test
    void theSdkReadsOnePartOfANestedMultipartObject() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k").contentType("text/x-parts"))
                .uploadId();
        byte[][] bodies = new byte[6][];
        List<CompletedPart> named = new ArrayList<>();
        for (int number = 1; number <= bodies.length; number++) {
            int n = number;
            bodies[n - 1] = randomBytes(n == bodies.length ? 333 : MIN_PART_SIZE + 10 * n, 40 + n);
            String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(n),
                    RequestBody.fromBytes(bodies[n - 1])).eTag();
            named.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
        }
        String eTag = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(named))).eTag();
        long size = 0;
        for (byte[] body : bodies) {
            size += body.length;
        }

        ResponseBytes<GetObjectResponse> second = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").partNumber(2));
        assertArrayEquals(bodies[1], second.asByteArray());
        assertEquals(6, second.response().partsCount());
        assertEquals(eTag, second.response().eTag());
        assertEquals("text/x-parts", second.response().contentType());
        long start = bodies[0].length;
        assertEquals("bytes " + start + "-" + (start + bodies[1].length - 1) + "/" + size,
                second.response().contentRange());

        ResponseBytes<GetObjectResponse> last = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").partNumber(6));
        assertArrayEquals(bodies[5], last.asByteArray());

        HeadObjectResponse headFifth = s3().headObject(b -> b.bucket(bucket).key("k").partNumber(5));
        assertEquals(bodies[4].length, headFifth.contentLength());
        assertEquals(6, headFifth.partsCount());
        assertEquals(eTag, headFifth.eTag());

        software.amazon.awssdk.services.s3.model.S3Exception beyond = s3Error(
                () -> s3().getObject(b -> b.bucket(bucket).key("k").partNumber(7)));
        // AWS answers 400 InvalidPart here, not the 416 InvalidPartNumber other S3 servers send.
        assertEquals(400, beyond.statusCode());
        assertEquals("InvalidPart", beyond.awsErrorDetails().errorCode());
        assertEquals(400, s3Error(() -> s3().headObject(b -> b.bucket(bucket).key("k").partNumber(7))).statusCode());
        assertEquals("InvalidArgument", s3Error(() -> s3().getObject(b -> b.bucket(bucket).key("k")
                .partNumber(0))).awsErrorDetails().errorCode());
        assertEquals("InvalidRequest", s3Error(() -> s3().getObject(b -> b.bucket(bucket).key("k")
                .partNumber(1).range("bytes=0-1"))).awsErrorDetails().errorCode());
    }

    @Test
    void theSdkReadsPartOneOfAPlainObjectAsTheWholeObject() throws Exception {
        String bucket = bucket();
        byte[] body = randomBytes(5000, 8);
        s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromBytes(body));
        ResponseBytes<GetObjectResponse> first = s3().getObjectAsBytes(b -> b.bucket(bucket).key("plain")
                .partNumber(1));
        assertArrayEquals(body, first.asByteArray());
        assertNull(first.response().partsCount());
        assertEquals(5000L, s3().headObject(b -> b.bucket(bucket).key("plain").partNumber(1)).contentLength());
        software.amazon.awssdk.services.s3.model.S3Exception second = s3Error(
                () -> s3().headObject(b -> b.bucket(bucket).key("plain").partNumber(2)));
        assertEquals(400, second.statusCode());
        software.amazon.awssdk.services.s3.model.S3Exception secondGet = s3Error(
                () -> s3().getObject(b -> b.bucket(bucket).key("plain").partNumber(2)));
        assertEquals(400, secondGet.statusCode());
        assertEquals("InvalidPart", secondGet.awsErrorDetails().errorCode());
    }
}
