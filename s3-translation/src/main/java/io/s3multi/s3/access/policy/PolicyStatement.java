package io.s3multi.s3.access.policy;

import java.util.List;

/**
 * One statement of a bucket policy, validated. It applies to a request when its principal, action, resource and
 * every condition match; {@code NotPrincipal}, {@code NotAction} and {@code NotResource} match what their lists
 * do not name.
 *
 * @param actions   action patterns, matched ignoring case ({@code s3:Get*})
 * @param resources resource ARN patterns, matched with case, policy variables resolved
 */
record PolicyStatement(String sid, Effect effect, PrincipalSet principals, boolean notPrincipal,
                       List<PolicyPattern> actions, boolean notAction, List<PolicyPattern> resources,
                       boolean notResource, List<PolicyCondition> conditions) {

    enum Effect { ALLOW, DENY }

    boolean appliesTo(PolicyRequest request, ConditionKeys keys) {
        boolean principal = notPrincipal ? !principals.excludes(request.requester())
                : principals.names(request.requester());
        return principal
                && notAction != actions.stream().anyMatch(a -> a.matches(request.action(), keys::variable, true))
                && notResource != resources.stream()
                        .anyMatch(r -> r.matches(request.resourceArn(), keys::variable, false))
                && conditions.stream().allMatch(condition -> condition.holds(keys));
    }
}
