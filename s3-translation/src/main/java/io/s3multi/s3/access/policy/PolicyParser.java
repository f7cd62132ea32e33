package io.s3multi.s3.access.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.s3.error.S3Exception;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a bucket policy document (the IAM policy language as S3 takes it for a bucket). Anything
 * malformed or unsupported is {@code MalformedPolicy} naming the problem, with AWS's message where AWS has one;
 * nothing is dropped or narrowed silently.
 *
 * <ul>
 *   <li>{@code Version} {@code 2012-10-17} or {@code 2008-10-17} (the default; it reads no policy variables),
 *       {@code Id}, and {@code Statement}: one statement or a non-empty array; no other field, no duplicate
 *       key.</li>
 *   <li>A statement: {@code Sid} (unique), {@code Effect} {@code Allow}/{@code Deny}, exactly one of
 *       {@code Principal}/{@code NotPrincipal} ({@link PrincipalSet}; {@code NotPrincipal} only with {@code Deny},
 *       as IAM requires), of {@code Action}/{@code NotAction} ({@code *} or {@code s3:} actions, wildcards
 *       allowed), of {@code Resource}/{@code NotResource} (ARNs of this bucket or its objects, wildcards and
 *       policy variables allowed), and an optional {@code Condition} ({@link PolicyCondition}).</li>
 *   <li>A named object action ({@code s3:GetObject}) needs an object resource, a named bucket action a bucket
 *       resource: "Action does not apply to any resource(s) in statement", as AWS.</li>
 * </ul>
 */
public final class PolicyParser {

    /** AWS's limit on a bucket policy. */
    public static final int MAX_BYTES = 20 * 1024;

    static final String VERSION_2012 = "2012-10-17";
    static final String VERSION_2008 = "2008-10-17";
    private static final String ARN_PREFIX = "arn:aws:s3:::";
    private static final Set<String> POLICY_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Pattern ACTION = Pattern.compile("\\*|s3:[A-Za-z*?]+", Pattern.CASE_INSENSITIVE);
    private static final List<String> OBJECT_ACTION_PREFIXES = List.of("s3:getobject", "s3:putobject",
            "s3:deleteobject", "s3:abortmultipartupload", "s3:listmultipartuploadparts", "s3:restoreobject",
            "s3:replicateobject", "s3:replicatedelete", "s3:replicatetags", "s3:bypassgovernanceretention",
            "s3:objectowneroverridetobucketowner");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PolicyParser() {
    }

    /**
     * The policy, validated.
     *
     * @param bucket the bucket the policy is for (every {@code Resource} must be in it)
     * @throws S3Exception {@code MalformedPolicy} naming what is wrong
     */
    public static BucketPolicy parse(String json, String bucket) {
        return parse(json, bucket, Clock.systemUTC());
    }

    /** @param clock the time {@code aws:CurrentTime} conditions compare with */
    static BucketPolicy parse(String json, String bucket, Clock clock) {
        if (!json.stripLeading().startsWith("{")) {
            throw S3Exception.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode policy;
        try {
            policy = JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            throw S3Exception.malformedPolicy("This policy contains invalid Json");
        }
        onlyFields(policy, POLICY_FIELDS);
        boolean variables = version(policy.get("Version"));
        if (policy.has("Id") && !policy.get("Id").isTextual()) {
            throw S3Exception.malformedPolicy("Id must be a string");
        }
        JsonNode statementNode = policy.get("Statement");
        if (statementNode == null) {
            throw S3Exception.malformedPolicy("Missing required field Statement");
        }
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(statementNodes::add);
        } else {
            statementNodes.add(statementNode);
        }
        if (statementNodes.isEmpty()) {
            throw S3Exception.malformedPolicy("Could not parse the policy: Statement is empty!");
        }
        Set<String> sids = new HashSet<>();
        List<PolicyStatement> statements = new ArrayList<>();
        for (JsonNode node : statementNodes) {
            PolicyStatement statement = statement(node, bucket, variables);
            if (statement.sid() != null && !sids.add(statement.sid())) {
                throw S3Exception.malformedPolicy("Statement IDs (SID) in a single policy must be unique.");
            }
            statements.add(statement);
        }
        return new PolicyDocument(json, statements, clock);
    }

    /** Whether the version reads policy variables. */
    private static boolean version(JsonNode version) {
        if (version == null) {
            return false;
        }
        if (version.isTextual() && (version.asText().equals(VERSION_2012) || version.asText().equals(VERSION_2008))) {
            return version.asText().equals(VERSION_2012);
        }
        throw S3Exception.malformedPolicy("The policy must contain a valid version string");
    }

    private static PolicyStatement statement(JsonNode node, String bucket, boolean variables) {
        if (!node.isObject()) {
            throw S3Exception.malformedPolicy("A Statement must be a JSON object");
        }
        onlyFields(node, STATEMENT_FIELDS);
        String sid = null;
        if (node.has("Sid")) {
            if (!node.get("Sid").isTextual()) {
                throw S3Exception.malformedPolicy("Sid must be a string");
            }
            sid = node.get("Sid").asText();
        }
        PolicyStatement.Effect effect = effect(required(node, "Effect", null));
        JsonNode principal = required(node, "Principal", "NotPrincipal");
        boolean notPrincipal = node.has("NotPrincipal");
        if (notPrincipal && effect == PolicyStatement.Effect.ALLOW) {
            throw S3Exception.malformedPolicy("NotPrincipal must be used with \"Effect\": \"Deny\"");
        }
        boolean notAction = node.has("NotAction");
        List<PolicyPattern> actions = actions(required(node, "Action", "NotAction"));
        boolean notResource = node.has("NotResource");
        List<PolicyPattern> resources = resources(required(node, "Resource", "NotResource"), bucket, variables);
        if (!notAction && !notResource) {
            checkActionsApply(actions, resources);
        }
        List<PolicyCondition> conditions = node.has("Condition")
                ? PolicyCondition.parseBlock(node.get("Condition"), variables) : List.of();
        return new PolicyStatement(sid, effect, PrincipalSet.parse(principal), notPrincipal, actions, notAction,
                resources, notResource, conditions);
    }

    /** The one of {@code field} and {@code negated} the statement has; having neither or both is malformed. */
    private static JsonNode required(JsonNode statement, String field, String negated) {
        boolean has = statement.has(field);
        boolean hasNegated = negated != null && statement.has(negated);
        if (has && hasNegated) {
            throw S3Exception.malformedPolicy("A statement cannot have both " + field + " and " + negated);
        }
        if (!has && !hasNegated) {
            throw S3Exception.malformedPolicy("Missing required field " + field);
        }
        return has ? statement.get(field) : statement.get(negated);
    }

    private static PolicyStatement.Effect effect(JsonNode effect) {
        String text = effect.isTextual() ? effect.asText() : effect.toString();
        return switch (text) {
            case "Allow" -> PolicyStatement.Effect.ALLOW;
            case "Deny" -> PolicyStatement.Effect.DENY;
            default -> throw S3Exception.malformedPolicy("Invalid effect: " + text);
        };
    }

    private static List<PolicyPattern> actions(JsonNode node) {
        List<PolicyPattern> actions = new ArrayList<>();
        for (String action : strings(node, "Action", false)) {
            if (!ACTION.matcher(action).matches()) {
                throw S3Exception.malformedPolicy("Policy has invalid action");
            }
            actions.add(PolicyPattern.of(action, true, false));
        }
        return List.copyOf(actions);
    }

    private static List<PolicyPattern> resources(JsonNode node, String bucket, boolean variables) {
        String bucketArn = ARN_PREFIX + bucket;
        List<PolicyPattern> resources = new ArrayList<>();
        for (String resource : strings(node, "Resource", false)) {
            if (!resource.equals(bucketArn) && !resource.startsWith(bucketArn + "/")) {
                throw S3Exception.malformedPolicy("Policy has invalid resource");
            }
            resources.add(PolicyPattern.of(resource, true, variables));
        }
        return List.copyOf(resources);
    }

    /** AWS refuses a named object action without an object resource, and a named bucket action without the bucket. */
    private static void checkActionsApply(List<PolicyPattern> actions, List<PolicyPattern> resources) {
        boolean objectResource = resources.stream().anyMatch(r -> r.text().indexOf('/', ARN_PREFIX.length()) >= 0);
        boolean bucketResource = resources.stream().anyMatch(r -> r.text().indexOf('/', ARN_PREFIX.length()) < 0);
        for (PolicyPattern action : actions) {
            if (!action.isFixed()) {
                continue;
            }
            String name = action.text().toLowerCase(Locale.ROOT);
            boolean objectAction = OBJECT_ACTION_PREFIXES.stream().anyMatch(name::startsWith);
            if (objectAction ? !objectResource : !bucketResource) {
                throw S3Exception.malformedPolicy("Action does not apply to any resource(s) in statement");
            }
        }
    }

    private static void onlyFields(JsonNode node, Set<String> allowed) {
        if (!node.isObject()) {
            throw S3Exception.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw S3Exception.malformedPolicy("Unknown field " + field.getKey());
            }
        }
    }

    /**
     * A policy element's values: one string or a non-empty array of strings.
     *
     * @param scalars whether numbers and booleans count as their text (condition values: {@code "Bool":
     *                {"aws:SecureTransport": false}})
     */
    static List<String> strings(JsonNode node, String element, boolean scalars) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.isEmpty()) {
            throw S3Exception.malformedPolicy(element + " must not be empty");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isTextual() || scalars && (item.isNumber() || item.isBoolean())) {
                values.add(item.asText());
            } else {
                throw S3Exception.malformedPolicy(element + " must be a string or an array of strings");
            }
        }
        return List.copyOf(values);
    }
}
