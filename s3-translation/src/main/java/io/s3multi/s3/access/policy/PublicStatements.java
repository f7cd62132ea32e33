package io.s3multi.s3.access.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AWS's rule for when a bucket policy is public ("The meaning of public" in the S3 user guide): a statement that
 * allows a "bad action" to everyone ({@code Principal: "*"}) is public unless a condition limits it to fixed values
 * of a key that identifies the caller or its network:
 * <ul>
 *   <li>{@code aws:SourceIp} with {@code IpAddress} ranges (a range of every address does not limit);</li>
 *   <li>fixed values (no wildcard, no policy variable) of {@code aws:PrincipalAccount}, {@code aws:PrincipalArn},
 *       {@code aws:PrincipalOrgID}, {@code aws:SourceArn}, {@code aws:SourceVpc}, {@code aws:SourceVpce},
 *       {@code aws:SourceOwner}, {@code aws:SourceAccount}, {@code aws:userid},
 *       {@code s3:x-amz-server-side-encryption-aws-kms-key-id}, {@code s3:DataAccessPointArn},
 *       {@code s3:DataAccessPointAccount}, with a positive operator (an {@code ...IfExists}, a negated one or
 *       {@code ForAllValues:} holds for a request without the key, so it limits nothing).</li>
 * </ul>
 * Bad actions are those that expose the bucket's data: {@code s3:Get*}, {@code s3:List*}, {@code s3:Put*},
 * {@code s3:Delete*}, {@code s3:AbortMultipartUpload}, {@code s3:RestoreObject}; any pattern that can match one of
 * them counts, and so does every {@code NotAction}.
 */
final class PublicStatements {

    private static final Set<String> IDENTIFYING_KEYS = Set.of("aws:principalaccount", "aws:principalarn",
            "aws:principalorgid", "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner",
            "aws:sourceaccount", "aws:userid", "s3:x-amz-server-side-encryption-aws-kms-key-id",
            "s3:dataaccesspointarn", "s3:dataaccesspointaccount");
    private static final Set<ConditionOperator> FIXING_OPERATORS = Set.of(ConditionOperator.STRING_EQUALS,
            ConditionOperator.STRING_EQUALS_IGNORE_CASE, ConditionOperator.STRING_LIKE, ConditionOperator.ARN_EQUALS,
            ConditionOperator.ARN_LIKE);
    private static final List<String> BAD_FAMILIES = List.of("s3:get", "s3:list", "s3:put", "s3:delete");
    private static final List<String> BAD_ACTIONS = List.of("s3:abortmultipartupload", "s3:restoreobject");

    private PublicStatements() {
    }

    static boolean isPublic(PolicyStatement statement) {
        return statement.effect() == PolicyStatement.Effect.ALLOW
                && (statement.notPrincipal() || statement.principals().namesEveryone())
                && (statement.notAction() || statement.actions().stream().anyMatch(PublicStatements::canBeBad))
                && statement.conditions().stream().noneMatch(PublicStatements::limits);
    }

    private static boolean canBeBad(PolicyPattern action) {
        String text = action.text().toLowerCase(Locale.ROOT);
        if (action.isFixed()) {
            return BAD_FAMILIES.stream().anyMatch(text::startsWith) || BAD_ACTIONS.contains(text);
        }
        String prefix = action.literalPrefix().toLowerCase(Locale.ROOT);
        return BAD_FAMILIES.stream().anyMatch(bad -> bad.startsWith(prefix) || prefix.startsWith(bad))
                || BAD_ACTIONS.stream().anyMatch(bad -> bad.startsWith(prefix));
    }

    private static boolean limits(PolicyCondition condition) {
        if (condition.ifExists() || condition.operator().negated()
                || condition.qualifier() == PolicyCondition.Qualifier.FOR_ALL_VALUES) {
            return false;
        }
        if (condition.key().equals("aws:sourceip")) {
            return condition.operator() == ConditionOperator.IP_ADDRESS && condition.values().stream()
                    .map(IpRange::parse).allMatch(range -> range.isPresent() && !range.get().isEverything());
        }
        return IDENTIFYING_KEYS.contains(condition.key()) && FIXING_OPERATORS.contains(condition.operator())
                && condition.values().stream().allMatch(PublicStatements::isFixed);
    }

    private static boolean isFixed(String value) {
        return !value.contains("*") && !value.contains("?") && !value.contains("${");
    }
}
