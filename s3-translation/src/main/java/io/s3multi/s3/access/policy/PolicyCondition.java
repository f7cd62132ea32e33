package io.s3multi.s3.access.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One test of a statement's {@code Condition}: an operator applied to one condition key with the policy's values,
 * e.g. {@code "IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "203.0.113.0/24"]}}. A statement applies only when all
 * its tests hold; a test holds when a request value matches any of the policy's values (for a negated operator:
 * none).
 *
 * <p>As IAM evaluates them: a key the request lacks fails a test, except that a negated operator then holds, an
 * {@code ...IfExists} operator holds, {@code ForAllValues:} holds and {@code ForAnyValue:} fails;
 * {@code ForAllValues:} needs every request value to match, {@code ForAnyValue:} one. {@code Null} holds when the
 * key's absence is what its value ({@code true}/{@code false}) says.
 *
 * @param operatorName as the policy wrote it ({@code ForAnyValue:StringLikeIfExists})
 * @param key          lower-case
 * @param values       the policy's values, as written
 */
record PolicyCondition(String operatorName, ConditionOperator operator, Qualifier qualifier, boolean ifExists,
                       String key, List<String> values, List<ConditionOperator.ValueTest> tests) {

    /** The set operator in front of the operator's name. */
    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private static final String IF_EXISTS = "IfExists";

    /** The tests of one {@code Condition} block. */
    static List<PolicyCondition> parseBlock(JsonNode block, boolean variables) {
        if (!block.isObject() || block.isEmpty()) {
            throw S3Exception.malformedPolicy("Condition must be a non-empty JSON object");
        }
        List<PolicyCondition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> byOperator : block.properties()) {
            JsonNode keys = byOperator.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw S3Exception.malformedPolicy("Condition operator " + byOperator.getKey()
                        + " must name condition keys in a JSON object");
            }
            for (Map.Entry<String, JsonNode> byKey : keys.properties()) {
                conditions.add(of(byOperator.getKey(), byKey.getKey(), PolicyParser.strings(byKey.getValue(),
                        "Condition value of " + byKey.getKey(), true), variables));
            }
        }
        return List.copyOf(conditions);
    }

    static PolicyCondition of(String operatorName, String key, List<String> values, boolean variables) {
        String name = operatorName;
        Qualifier qualifier = Qualifier.NONE;
        if (name.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            name = name.substring("ForAnyValue:".length());
        } else if (name.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            name = name.substring("ForAllValues:".length());
        }
        boolean ifExists = name.endsWith(IF_EXISTS);
        if (ifExists) {
            name = name.substring(0, name.length() - IF_EXISTS.length());
        }
        ConditionOperator operator = ConditionOperator.named(name)
                .orElseThrow(() -> S3Exception.malformedPolicy("Invalid Condition type : " + operatorName));
        if (operator == ConditionOperator.NULL && (ifExists || qualifier != Qualifier.NONE)) {
            throw S3Exception.malformedPolicy("Invalid Condition type : " + operatorName);
        }
        if (!ConditionKeys.isWellFormed(key)) {
            throw S3Exception.malformedPolicy("Policy has an invalid condition key: " + key);
        }
        List<ConditionOperator.ValueTest> tests = new ArrayList<>();
        if (operator == ConditionOperator.NULL) {
            values.forEach(value -> ConditionOperator.BOOL.compile(value, false));
        } else {
            values.forEach(value -> tests.add(operator.compile(value, variables)));
        }
        return new PolicyCondition(operatorName, operator, qualifier, ifExists, key.toLowerCase(Locale.ROOT),
                List.copyOf(values), List.copyOf(tests));
    }

    boolean holds(ConditionKeys keys) {
        List<String> requestValues = keys.values(key);
        if (operator == ConditionOperator.NULL) {
            return values.stream().anyMatch(value -> Boolean.parseBoolean(value.strip()) == requestValues.isEmpty());
        }
        if (requestValues.isEmpty()) {
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> ifExists;
                case NONE -> ifExists || operator.negated();
            };
        }
        Predicate<String> matchesPolicy = value -> tests.stream().anyMatch(test -> test.matches(value, keys));
        Predicate<String> passes = operator.negated() ? matchesPolicy.negate() : matchesPolicy;
        return switch (qualifier) {
            case FOR_ALL_VALUES -> requestValues.stream().allMatch(passes);
            case FOR_ANY_VALUE -> requestValues.stream().anyMatch(passes);
            case NONE -> operator.negated() ? requestValues.stream().allMatch(passes)
                    : requestValues.stream().anyMatch(passes);
        };
    }
}
