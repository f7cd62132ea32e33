package io.s3multi.s3.multipart;

import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.xml.documents.Owner;

/**
 * Who started an upload, as ListMultipartUploads and ListParts show it (AWS: "If the initiator is an IAM user,
 * this element provides the user ARN and display name"; the upload's {@code Owner} is the initiator's account):
 * <ul>
 *   <li>{@code Initiator}: the user's ARN ({@code arn:aws:iam::AUTH_test2:user/tester2}) and display name, kept on
 *       the upload's marker when it was created, so another account's upload shows that account's user;</li>
 *   <li>{@code Owner}: the initiator's account (canonical id), named like a bucket's owner: the caller's display
 *       name when the caller belongs to that account, else the canonical id.</li>
 * </ul>
 * An anonymous upload (a public-write bucket) shows {@code anonymous}. A marker written before the id was kept
 * shows the bucket's owner.
 */
public final class UploadInitiators {

    /** The id of an unsigned request's identity ({@code Authorizer.ANONYMOUS}). */
    private static final String ANONYMOUS = "anonymous";
    private static final String ARN_PREFIX = "arn:aws:iam::";

    private UploadInitiators() {
    }

    /** The id kept on a new upload's marker for the identity that creates it. */
    public static String idOf(S3Identity initiator) {
        return ANONYMOUS.equals(initiator.ownerId()) ? ANONYMOUS
                : initiator.requester().userArn().orElse(ANONYMOUS);
    }

    static Owner initiator(S3Call call, String initiatorId, String displayName) {
        return new Owner(initiatorId.isEmpty() ? call.bucketOwnerId() : initiatorId, displayName);
    }

    static Owner owner(S3Call call, String initiatorId) {
        String account = accountOf(initiatorId);
        if (account == null) {
            return new Owner(call.bucketOwnerId(), call.bucketOwnerName());
        }
        return new Owner(account, account.equals(call.identity().ownerId()) ? call.identity().displayName() : account);
    }

    /** The account of an ARN, {@code anonymous} for anonymous, null when unknown. */
    private static String accountOf(String initiatorId) {
        if (initiatorId.startsWith(ARN_PREFIX)) {
            int end = initiatorId.indexOf(':', ARN_PREFIX.length());
            return end < 0 ? null : initiatorId.substring(ARN_PREFIX.length(), end);
        }
        return ANONYMOUS.equals(initiatorId) ? ANONYMOUS : null;
    }
}
