package io.s3multi.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryMissingBucketTest {

    private FakeSwift swift;

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift();
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private S3Call callOf(String account) {
        RequestHead head = new RequestHead("GET", "/photos/cat.jpg", "", Map.of("Host", List.of("127.0.0.1")));
        return new S3Call(new S3RequestParser().parse(head), new S3Identity("a:b", "a:b", account, account),
                swift.account(), alsoCompute -> RequestBody.open(new ByteArrayInputStream(new byte[0]), head, null,
                        null, alsoCompute), Clock.systemUTC(), "tx1");
    }

    /** A registry that knows one bucket, or fails. */
    private static BucketRegistry knowing(String bucket, String owner, boolean broken) {
        return new BucketRegistry() {
            @Override
            public Claim claim(String name, String account) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> ownerOf(String name) throws SwiftException {
                if (broken) {
                    throw new SwiftConnectionException("registry unreachable", null);
                }
                return name.equals(bucket) ? Optional.of(owner) : Optional.empty();
            }

            @Override
            public void release(String name, String account) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void anotherAccountsBucketIsAccessDenied() {
        var missing = new RegistryMissingBucket(knowing("photos", "AUTH_test2", false));
        assertEquals(S3ErrorCode.ACCESS_DENIED, missing.answer(callOf("AUTH_test"), "photos").code());
    }

    @Test
    void anUnrecordedOrOwnBucketIsNoSuchBucket() {
        var missing = new RegistryMissingBucket(knowing("photos", "AUTH_test", false));
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, missing.answer(callOf("AUTH_test"), "photos").code());
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, missing.answer(callOf("AUTH_test"), "videos").code());
    }

    @Test
    void anUnreadableRegistryLeavesNoSuchBucket() {
        var missing = new RegistryMissingBucket(knowing("photos", "AUTH_test2", true));
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, missing.answer(callOf("AUTH_test"), "photos").code());
    }
}
