package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The ACL a write asks for with its headers: {@code x-amz-acl} (a {@link CannedAcl}) or {@code x-amz-grant-*}
 * ({@link GrantHeaders}), never both ({@code InvalidRequest}, as AWS). Used by CreateBucket, PutObject, CopyObject,
 * CreateMultipartUpload and Put{Bucket,Object}Acl.
 */
public final class RequestedAcl {

    private RequestedAcl() {
    }

    /** Whether the headers ask for an ACL at all. */
    public static boolean present(UnaryOperator<String> header) {
        return header.apply("x-amz-acl") != null || GrantHeaders.present(header);
    }

    /**
     * The ACL the headers ask for, empty when they ask for none (the resource gets the default, its owner's full
     * control). Grant headers give exactly the grants they list, as on AWS (the owner keeps its rights as owner).
     *
     * @param header      a request header by lower-case name
     * @param owner       who owns the resource written (see {@link CannedAcl#expand})
     * @param bucketOwner who owns its bucket
     */
    public static Optional<AccessControlList> fromHeaders(UnaryOperator<String> header, Grantee.CanonicalUser owner,
                                                          Grantee.CanonicalUser bucketOwner) {
        String canned = header.apply("x-amz-acl");
        boolean grants = GrantHeaders.present(header);
        if (canned != null && grants) {
            throw S3Exception.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned != null) {
            return Optional.of(CannedAcl.parse(canned).expand(owner, bucketOwner));
        }
        if (grants) {
            List<Grant> listed = new ArrayList<>(GrantHeaders.parse(header));
            return Optional.of(new AccessControlList(owner, listed));
        }
        return Optional.empty();
    }
}
