package io.s3multi.s3.access.policy;

import io.s3multi.s3.access.Requester;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a bucket policy sees it.
 *
 * @param action        the IAM action, e.g. {@code s3:GetObject}
 * @param resourceArn   {@code arn:aws:s3:::<bucket>} or {@code arn:aws:s3:::<bucket>/<key>}
 * @param requester     who asks
 * @param conditionKeys the request's values of the condition keys, by lower-case name ({@code aws:sourceip},
 *                      {@code aws:securetransport}, {@code s3:prefix}, ...); a key without values is absent
 */
public record PolicyRequest(String action, String resourceArn, Requester requester,
                            Map<String, List<String>> conditionKeys) {

    public PolicyRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(requester, "requester");
        conditionKeys = Map.copyOf(conditionKeys);
    }
}
