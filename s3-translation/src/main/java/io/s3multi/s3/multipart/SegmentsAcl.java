package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.lock.BucketLocks;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code <bucket>_segments}' read and write ACLs those of the bucket.
 *
 * <p>A multipart object's bytes live in the segments container, and Swift lets whoever may read that container
 * read them, whatever the bucket's ACL says now. So the segments container must carry exactly the bucket's
 * {@code X-Container-Read} and {@code X-Container-Write}: an ACL the bucket dropped is removed there too. The
 * native Swift API through the gateway mirrors every ACL change of a bucket at once (the proxy_server stage);
 * a change made directly in Swift is mirrored here, by CreateMultipartUpload and CompleteMultipartUpload, the two
 * operations after which segments become readable objects: each costs one container POST (and Complete one HEAD
 * of the bucket). Only the account's owner may change ACLs and see them: for any other caller (a user working
 * through the bucket's write ACL, whose HEAD shows no ACL) Swift refuses the POST, and the ACLs stay as the
 * owner's last operation left them.
 */
final class SegmentsAcl {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentsAcl.class);
    private static final String[] ACLS = {"X-Container-Read", "X-Container-Write"};

    private SegmentsAcl() {
    }

    /** The headers that give a container the ACLs {@code bucket} (its HEAD) has, removing those it lacks. */
    static SwiftHeaders of(SwiftReply bucket) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        for (String acl : ACLS) {
            String value = bucket.header(acl);
            if (value == null || value.isEmpty()) {
                headers.set("X-Remove-" + acl.substring("X-".length()), "1");
            } else {
                headers.set(acl, value);
            }
        }
        return headers.build();
    }

    /** Gives the bucket's segments container (if there is one) the ACLs of {@code bucket}, the bucket's HEAD. */
    static void mirror(S3Call call, SwiftReply bucket) {
        mirror(call.swift(), call.bucket(), bucket, call.requestId());
    }

    /**
     * HEADs the bucket and mirrors its ACLs; a missing bucket is left to the operation to report. The HEAD also
     * shows the bucket's Object Lock configuration, which the Complete that follows needs for its new version: it
     * is handed to {@link BucketLocks}, so that the Complete does not HEAD the bucket a second time.
     */
    static void resync(S3Call call) {
        SwiftReply bucket;
        try {
            bucket = call.swift().containers().head(call.bucket());
        } catch (SwiftException e) {
            return;
        }
        BucketLocks.remember(call, BucketLockConfiguration.of(bucket.headers()));
        mirror(call, bucket);
    }

    private static void mirror(SwiftAccount swift, String bucket, SwiftReply head, String requestId) {
        try {
            swift.containers().post(SegmentsLayout.container(bucket), of(head));
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404 && e.status() != 403) {
                LOG.warn("{} cannot mirror the ACLs of {} to its segments container: {}", requestId, bucket,
                        e.toString());
            }
        } catch (SwiftException e) {
            LOG.warn("{} cannot mirror the ACLs of {} to its segments container: {}", requestId, bucket, e.toString());
        }
    }
}
