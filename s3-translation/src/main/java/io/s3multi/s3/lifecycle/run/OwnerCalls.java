package io.s3multi.s3.lifecycle.run;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftAccount;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * S3 requests the lifecycle job makes on the bucket owner's behalf, so that its deletes and aborts run through the
 * very code the S3 operations run (DeleteObject, DeleteObject with {@code versionId}, AbortMultipartUpload), with
 * every check those make (an Object Lock refusal included: lifecycle bypasses nothing). The identity is the owner's
 * account, reached with the gateway's service identity; the request carries no body and no bypass header.
 */
final class OwnerCalls {

    private static final S3RequestParser PARSER = new S3RequestParser();

    private final SwiftAccount owner;
    private final S3Identity identity;
    private final Clock clock;

    OwnerCalls(SwiftAccount owner, String account, Clock clock) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.identity = new S3Identity("s3multi-lifecycle", "s3multi-lifecycle", account, account);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code DELETE /<bucket>/<key>?<query>} ({@code query} raw, may be empty). */
    S3Call delete(String bucket, String key, String query) {
        RequestHead head = new RequestHead("DELETE", "/" + bucket + "/" + encode(key), query,
                Map.of("Host", List.of("localhost")));
        return new S3Call(PARSER.parse(head), identity, owner, alsoCompute -> {
            throw new IllegalStateException("a lifecycle request has no body");
        }, clock, "lifecycle-" + UUID.randomUUID());
    }

    /** A key or a query value, percent-encoded as in a request line (a key's {@code /} kept). */
    static String encode(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~/".indexOf(c) >= 0) {
                out.write(c);
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
