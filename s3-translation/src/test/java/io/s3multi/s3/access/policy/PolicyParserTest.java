package io.s3multi.s3.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and unsupported policies: each is MalformedPolicy naming the problem, never a narrowed policy. */
class PolicyParserTest {

    private static final String BUCKET = "photos";

    /** A one-statement policy with this statement body. */
    private static String statement(String body) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{" + body + "}]}";
    }

    private static final String ALLOW_ALL = "\"Effect\": \"Allow\", \"Principal\": \"*\"";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "Policies must be valid JSON and the first byte must be '{'"),
                Arguments.of("[{}]", "Policies must be valid JSON and the first byte must be '{'"),
                Arguments.of("{\"Version\": \"2012-10-17\", \"Statement\": [", "This policy contains invalid Json"),
                Arguments.of("{\"Statement\": {}} {}", "This policy contains invalid Json"),
                Arguments.of("{\"Version\": \"2012-10-17\", \"Version\": \"2012-10-17\", \"Statement\": []}",
                        "This policy contains invalid Json"),
                Arguments.of("{\"Version\": \"2012-10-17\"}", "Missing required field Statement"),
                Arguments.of("{\"Version\": \"2012-10-17\", \"Statement\": []}",
                        "Could not parse the policy: Statement is empty!"),
                Arguments.of("{\"Version\": \"2012-10-18\", \"Statement\": []}",
                        "The policy must contain a valid version string"),
                Arguments.of("{\"Version\": \"2012-10-17\", \"Statements\": []}", "Unknown field Statements"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Resources\": []"), "Unknown field Resources"),
                Arguments.of(statement("\"Effect\": \"allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Invalid effect: allow"),
                Arguments.of(statement("\"Principal\": \"*\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Missing required field Effect"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Missing required field Principal"),
                Arguments.of(statement(ALLOW_ALL + ", \"Resource\": \"arn:aws:s3:::photos/*\""),
                        "Missing required field Action"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\""),
                        "Missing required field Resource"),
                Arguments.of(statement(ALLOW_ALL + ", \"NotPrincipal\": \"*\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""),
                        "A statement cannot have both Principal and NotPrincipal"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"AUTH_test\"},"
                        + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\""),
                        "NotPrincipal must be used with \"Effect\": \"Deny\""),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Principal\": \"AUTH_test\", \"Action\":"
                        + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\""), "Invalid principal in policy"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                        + " \"arn:aws:iam::AUTH_test:role/reader\"}, \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Invalid principal in policy"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                        + " \"arn:aws:iam::AUTH_test:user/*\"}, \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Invalid principal in policy"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                        + " \"logging.s3.amazonaws.com\"}, \"Action\": \"s3:PutObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Invalid principal in policy"),
                Arguments.of(statement("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": []}, \"Action\":"
                        + " \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\""), "Principal must not be empty"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"ec2:RunInstances\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Policy has invalid action"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:Get Object\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Policy has invalid action"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": [], \"Resource\": \"arn:aws:s3:::photos/*\""),
                        "Action must not be empty"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": {\"s3\": \"GetObject\"},"
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""), "Action must be a string or an array of strings"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::videos/*\""), "Policy has invalid resource"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\": \"*\""),
                        "Policy has invalid resource"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos2/*\""), "Policy has invalid resource"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::photos\""),
                        "Action does not apply to any resource(s) in statement"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:ListBucket\","
                        + " \"Resource\": \"arn:aws:s3:::photos/*\""),
                        "Action does not apply to any resource(s) in statement"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"StringEqualz\": {\"s3:prefix\": \"a\"}}"),
                        "Invalid Condition type : StringEqualz"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"NullIfExists\": {\"s3:prefix\": \"true\"}}"),
                        "Invalid Condition type : NullIfExists"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\":"
                        + " \"192.0.2.0/33\"}}"), "Policy has an invalid IP address or CIDR range: 192.0.2.0/33"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\":"
                        + " \"example.com\"}}"), "Policy has an invalid IP address or CIDR range: example.com"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:ListBucket\", \"Resource\":"
                        + " \"arn:aws:s3:::photos\", \"Condition\": {\"NumericLessThan\": {\"s3:max-keys\":"
                        + " \"ten\"}}"), "Policy has an invalid numeric condition value: ten"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\":"
                        + " \"tomorrow\"}}"), "Policy has an invalid date condition value: tomorrow"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\":"
                        + " \"yes\"}}"), "Policy has an invalid Bool condition value: yes"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"StringEquals\": {\"prefix\": \"a\"}}"),
                        "Policy has an invalid condition key: prefix"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {\"StringEquals\": {\"s3:prefix\":"
                        + " {\"a\": 1}}}"), "Condition value of s3:prefix must be a string or an array of strings"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/*\", \"Condition\": {}"), "Condition must be a non-empty JSON object"),
                Arguments.of(statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\":"
                        + " \"arn:aws:s3:::photos/${aws:username\""), "Policy has an invalid variable:"
                        + " arn:aws:s3:::photos/${aws:username"),
                Arguments.of("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"A\", " + ALLOW_ALL
                        + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\"}, {\"Sid\": \"A\", "
                        + ALLOW_ALL + ", \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::photos/*\"}]}",
                        "Statement IDs (SID) in a single policy must be unique."));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void isMalformedPolicyNamingTheProblem(String policy, String message) {
        S3Exception refused = assertThrows(S3Exception.class, () -> PolicyParser.parse(policy, BUCKET));
        assertEquals(S3ErrorCode.MALFORMED_POLICY, refused.code());
        assertEquals(message, refused.getMessage());
    }

    @Test
    void aStatementMayBeOneObjectAndTheVersionMayBeLeftOut() {
        BucketPolicy policy = PolicyParser.parse("{\"Statement\": {" + ALLOW_ALL + ", \"Action\": \"s3:*\","
                + " \"Resource\": [\"arn:aws:s3:::photos\", \"arn:aws:s3:::photos/*\"]}}", BUCKET);
        assertEquals(PolicyVerdict.ALLOW, policy.evaluate(new PolicyRequest("s3:ListBucket", "arn:aws:s3:::photos",
                io.s3multi.s3.access.Requester.ANONYMOUS, java.util.Map.of())));
    }

    @Test
    void theTextIsKeptAsSent() {
        String sent = "  " + statement(ALLOW_ALL + ", \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::photos/*\"") + "\n";
        assertEquals(sent, PolicyParser.parse(sent, BUCKET).text());
    }
}
