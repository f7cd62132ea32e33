package io.s3multi.s3.access.policy;

import io.s3multi.s3.error.S3Exception;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The condition operators of the policy language (IAM's "Condition operators"), each as the test of one request
 * value against one policy value, and whether the operator negates it ({@code StringNotEquals} holds when the request
 * value equals none of the policy's values). {@code Null} tests the key's presence and is handled by
 * {@link PolicyCondition}. Policy values are checked when the policy is read: a value that cannot be compared
 * (a number that is not one, a date, an address) is {@code MalformedPolicy}.
 */
enum ConditionOperator {

    STRING_EQUALS("StringEquals", false, (value, variables) -> string(value, false, variables, false)),
    STRING_NOT_EQUALS("StringNotEquals", true, (value, variables) -> string(value, false, variables, false)),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false,
            (value, variables) -> string(value, false, variables, true)),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true,
            (value, variables) -> string(value, false, variables, true)),
    STRING_LIKE("StringLike", false, (value, variables) -> string(value, true, variables, false)),
    STRING_NOT_LIKE("StringNotLike", true, (value, variables) -> string(value, true, variables, false)),
    NUMERIC_EQUALS("NumericEquals", false, (value, variables) -> numeric(value, c -> c == 0)),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, (value, variables) -> numeric(value, c -> c == 0)),
    NUMERIC_LESS_THAN("NumericLessThan", false, (value, variables) -> numeric(value, c -> c < 0)),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, (value, variables) -> numeric(value, c -> c <= 0)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, (value, variables) -> numeric(value, c -> c > 0)),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false,
            (value, variables) -> numeric(value, c -> c >= 0)),
    DATE_EQUALS("DateEquals", false, (value, variables) -> date(value, c -> c == 0)),
    DATE_NOT_EQUALS("DateNotEquals", true, (value, variables) -> date(value, c -> c == 0)),
    DATE_LESS_THAN("DateLessThan", false, (value, variables) -> date(value, c -> c < 0)),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, (value, variables) -> date(value, c -> c <= 0)),
    DATE_GREATER_THAN("DateGreaterThan", false, (value, variables) -> date(value, c -> c > 0)),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, (value, variables) -> date(value, c -> c >= 0)),
    BOOL("Bool", false, (value, variables) -> bool(value)),
    BINARY_EQUALS("BinaryEquals", false, (value, variables) -> (request, keys) -> request.equals(value)),
    IP_ADDRESS("IpAddress", false, (value, variables) -> ip(value)),
    NOT_IP_ADDRESS("NotIpAddress", true, (value, variables) -> ip(value)),
    ARN_EQUALS("ArnEquals", false, ConditionOperator::arn),
    ARN_LIKE("ArnLike", false, ConditionOperator::arn),
    ARN_NOT_EQUALS("ArnNotEquals", true, ConditionOperator::arn),
    ARN_NOT_LIKE("ArnNotLike", true, ConditionOperator::arn),
    NULL("Null", false, (value, variables) -> {
        throw new IllegalStateException("Null is decided by the key's presence");
    });

    /** One policy value, ready to test request values. */
    @FunctionalInterface
    interface ValueTest {
        boolean matches(String requestValue, ConditionKeys keys);
    }

    @FunctionalInterface
    private interface Compiler {
        ValueTest compile(String policyValue, boolean variables);
    }

    @FunctionalInterface
    private interface Comparison {
        boolean holds(int comparison);
    }

    private static final Map<String, ConditionOperator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(operator -> operator.policyName, Function.identity()));

    private final String policyName;
    private final boolean negated;
    private final Compiler compiler;

    ConditionOperator(String policyName, boolean negated, Compiler compiler) {
        this.policyName = policyName;
        this.negated = negated;
        this.compiler = compiler;
    }

    /** The operator of this name (without {@code IfExists} and set qualifier), if there is one. */
    static Optional<ConditionOperator> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    String policyName() {
        return policyName;
    }

    /** Whether the operator holds when the request value matches none of the policy values. */
    boolean negated() {
        return negated;
    }

    /**
     * @param variables whether policy variables are read in the value (version 2012-10-17)
     * @throws S3Exception {@code MalformedPolicy} for a value the operator cannot compare with
     */
    ValueTest compile(String policyValue, boolean variables) {
        return compiler.compile(policyValue, variables);
    }

    private static ValueTest string(String value, boolean wildcards, boolean variables, boolean ignoreCase) {
        PolicyPattern pattern = PolicyPattern.of(value, wildcards, variables);
        return (request, keys) -> pattern.matches(request, keys::variable, ignoreCase);
    }

    private static ValueTest numeric(String value, Comparison comparison) {
        BigDecimal policy = number(value).orElseThrow(
                () -> S3Exception.malformedPolicy("Policy has an invalid numeric condition value: " + value));
        return (request, keys) -> number(request).filter(n -> comparison.holds(n.compareTo(policy))).isPresent();
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ValueTest date(String value, Comparison comparison) {
        Instant policy = instant(value).orElseThrow(
                () -> S3Exception.malformedPolicy("Policy has an invalid date condition value: " + value));
        return (request, keys) -> instant(request).filter(t -> comparison.holds(t.compareTo(policy))).isPresent();
    }

    /** An ISO 8601 date or date-time (UTC unless it says otherwise), or seconds since the epoch. */
    static Optional<Instant> instant(String text) {
        String trimmed = text.strip();
        if (trimmed.matches("-?\\d{1,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(trimmed)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // try the forms without a zone
        }
        try {
            return Optional.of(LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADateTime) {
            // try a date alone
        }
        try {
            return Optional.of(LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static ValueTest bool(String value) {
        String policy = value.strip().toLowerCase(Locale.ROOT);
        if (!policy.equals("true") && !policy.equals("false")) {
            throw S3Exception.malformedPolicy("Policy has an invalid Bool condition value: " + value);
        }
        return (request, keys) -> request.strip().equalsIgnoreCase(policy);
    }

    private static ValueTest ip(String value) {
        IpRange range = IpRange.parse(value).orElseThrow(
                () -> S3Exception.malformedPolicy("Policy has an invalid IP address or CIDR range: " + value));
        return (request, keys) -> range.contains(request);
    }

    /** ARNs match part by part ({@code arn:partition:service:region:account:resource}), each with wildcards. */
    private static ValueTest arn(String value, boolean variables) {
        String[] parts = value.split(":", 6);
        if (parts.length != 6 && !value.equals("*")) {
            throw S3Exception.malformedPolicy("Policy has an invalid ARN condition value: " + value);
        }
        PolicyPattern[] patterns = Arrays.stream(parts).map(part -> PolicyPattern.of(part, true, variables))
                .toArray(PolicyPattern[]::new);
        return (request, keys) -> {
            String[] requestParts = request.split(":", 6);
            if (patterns.length == 1) {
                return true;
            }
            if (requestParts.length != 6) {
                return false;
            }
            for (int i = 0; i < 6; i++) {
                if (!patterns[i].matches(requestParts[i], keys::variable, false)) {
                    return false;
                }
            }
            return true;
        };
    }
}
