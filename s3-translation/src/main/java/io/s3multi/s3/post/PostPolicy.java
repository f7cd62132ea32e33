package io.s3multi.s3.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy of a browser upload form: base64 of a JSON document with an {@code expiration} and the
 * {@code conditions} every field must meet (AWS, "Creating a POST policy").
 *
 * <pre>{@code
 * {"expiration": "2030-01-01T00:00:00.000Z",
 *  "conditions": [{"bucket": "photos"}, ["starts-with", "$key", "user/"], {"acl": "private"},
 *                 ["content-length-range", 1, 10485760], ["eq", "$Content-Type", "image/png"]]}
 * }</pre>
 *
 * A condition is an object {@code {"field": "value"}} (exact match) or an array: {@code ["eq", "$field", "value"]},
 * {@code ["starts-with", "$field", "prefix"]} ({@code ""} allows any value), {@code ["content-length-range", min,
 * max]}. Field names are matched without regard to case; {@code bucket} is the bucket the form was posted to. Every
 * form field must be named by a condition, except those AWS exempts ({@link #EXEMPT}, {@code x-ignore-*}).
 */
public final class PostPolicy {

    /** The fields that need no condition: the signature, the policy itself, the file. */
    static final Set<String> EXEMPT = Set.of("x-amz-signature", "file", "policy", "awsaccesskeyid", "signature");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant expiration;
    private final List<Condition> conditions;
    private final LengthRange lengthRange;

    private PostPolicy(Instant expiration, List<Condition> conditions, LengthRange lengthRange) {
        this.expiration = expiration;
        this.conditions = List.copyOf(conditions);
        this.lengthRange = lengthRange;
    }

    /** One field condition, with the text AWS quotes when it fails. */
    private record Condition(String operator, String field, String value, String text) {

        boolean holds(Map<String, String> fields) {
            String actual = fields.getOrDefault(field, "");
            return operator.equals("eq") ? actual.equals(value) : actual.startsWith(value);
        }
    }

    /** The allowed file sizes, inclusive. */
    public record LengthRange(long min, long max) {

        static final LengthRange ANY = new LengthRange(0, Long.MAX_VALUE);
    }

    /**
     * Decodes and parses a policy.
     *
     * @throws S3Exception {@code InvalidPolicyDocument} naming what is wrong
     */
    public static PostPolicy decode(String base64) {
        JsonNode document;
        try {
            document = JSON.readTree(new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid 'base64' encoding.");
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw invalid("Invalid JSON.");
        }
        JsonNode expiration = document.get("expiration");
        if (expiration == null) {
            throw invalid("Policy missing expiration.");
        }
        JsonNode conditions = document.get("conditions");
        if (conditions == null) {
            throw invalid("Policy missing conditions.");
        }
        if (!conditions.isArray()) {
            throw invalid("Policy conditions must be an array.");
        }
        List<Condition> parsed = new ArrayList<>();
        LengthRange range = LengthRange.ANY;
        for (JsonNode condition : conditions) {
            if (condition.isObject()) {
                parsed.addAll(exactMatches(condition));
            } else if (condition.isArray() && condition.size() == 3
                    && "content-length-range".equalsIgnoreCase(condition.get(0).asText())) {
                range = lengthRange(condition);
            } else if (condition.isArray() && condition.size() == 3) {
                parsed.add(operation(condition));
            } else {
                throw invalid("Invalid Condition: " + condition);
            }
        }
        return new PostPolicy(instant(expiration.asText()), parsed, range);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + text + "'");
        }
    }

    private static List<Condition> exactMatches(JsonNode condition) {
        List<Condition> matches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isValueNode()) {
                throw invalid("Invalid Condition: " + condition);
            }
            String field = entry.getKey().toLowerCase(Locale.ROOT);
            matches.add(new Condition("eq", field, entry.getValue().asText(),
                    "[\"eq\", \"$" + entry.getKey() + "\", \"" + entry.getValue().asText() + "\"]"));
        }
        return matches;
    }

    private static Condition operation(JsonNode condition) {
        String operator = condition.get(0).asText().toLowerCase(Locale.ROOT);
        String field = condition.get(1).asText();
        if (!operator.equals("eq") && !operator.equals("starts-with")) {
            throw invalid("Invalid Condition: " + condition);
        }
        if (!field.startsWith("$") || !condition.get(2).isValueNode()) {
            throw invalid("Invalid Condition: " + condition);
        }
        String value = condition.get(2).asText();
        return new Condition(operator, field.substring(1).toLowerCase(Locale.ROOT), value,
                "[\"" + condition.get(0).asText() + "\", \"" + field + "\", \"" + value + "\"]");
    }

    private static LengthRange lengthRange(JsonNode condition) {
        JsonNode min = condition.get(1);
        JsonNode max = condition.get(2);
        if (!min.canConvertToLong() || !max.canConvertToLong() || min.asLong() < 0 || max.asLong() < min.asLong()) {
            throw invalid("Invalid content-length-range: " + condition);
        }
        return new LengthRange(min.asLong(), max.asLong());
    }

    private static S3Exception invalid(String problem) {
        return S3Exception.of(S3ErrorCode.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + problem);
    }

    public Instant expiration() {
        return expiration;
    }

    /** The file sizes the policy allows (any size when it sets no {@code content-length-range}). */
    public LengthRange lengthRange() {
        return lengthRange;
    }

    /**
     * Checks the form against the policy: not expired, every condition met, every field covered.
     *
     * @param fields the form's fields by lower-case name, with {@code bucket} and {@code key} as they will be used
     * @throws S3Exception {@code AccessDenied} "Invalid according to Policy: ..." as AWS words it
     */
    public void check(Map<String, String> fields, Instant now) {
        requireUnexpired(now);
        for (Condition condition : conditions) {
            if (!condition.holds(fields)) {
                throw refused("Policy Condition failed: " + condition.text());
            }
        }
        Set<String> covered = conditions.stream().map(Condition::field).collect(Collectors.toSet());
        List<String> extra = fields.keySet().stream()
                .filter(name -> !covered.contains(name) && !isExempt(name) && !name.equals("bucket"))
                .toList();
        if (!extra.isEmpty()) {
            throw refused("Extra input fields: " + String.join(", ", extra));
        }
    }

    /** @throws S3Exception {@code AccessDenied} "Invalid according to Policy: Policy expired." */
    public void requireUnexpired(Instant now) {
        if (!now.isBefore(expiration)) {
            throw refused("Policy expired.");
        }
    }

    static boolean isExempt(String lowerCaseName) {
        return EXEMPT.contains(lowerCaseName) || lowerCaseName.startsWith("x-ignore-");
    }

    private static S3Exception refused(String why) {
        return S3Exception.accessDenied("Invalid according to Policy: " + why);
    }

}
