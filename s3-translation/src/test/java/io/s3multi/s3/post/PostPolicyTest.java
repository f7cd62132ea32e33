package io.s3multi.s3.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void conditionsCoverFieldsWithoutRegardToCase() {
        PostPolicy policy = policy("{\"expiration\": \"2026-01-02T00:00:00.000Z\", \"conditions\": ["
                + "{\"bucket\": \"b\"}, [\"starts-with\", \"$key\", \"user/\"], [\"eq\", \"$Content-Type\", \"image/png\"],"
                + " [\"starts-with\", \"$x-amz-meta-tag\", \"\"], [\"content-length-range\", 1, 10]]}");
        policy.check(Map.of("bucket", "b", "key", "user/a", "content-type", "image/png", "x-amz-meta-tag", "t",
                "policy", "p", "x-amz-signature", "s", "x-ignore-me", "i"), NOW);
        assertEquals(new PostPolicy.LengthRange(1, 10), policy.lengthRange());
        assertEquals("Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"user/\"]",
                refusal(policy, Map.of("bucket", "b", "key", "other", "content-type", "image/png")));
        assertEquals("Invalid according to Policy: Policy Condition failed: [\"eq\", \"$bucket\", \"b\"]",
                refusal(policy, Map.of("bucket", "c", "key", "user/a", "content-type", "image/png")));
        assertEquals("Invalid according to Policy: Extra input fields: success_action_status",
                refusal(policy, Map.of("bucket", "b", "key", "user/a", "content-type", "image/png",
                        "success_action_status", "201")));
        assertEquals("Invalid according to Policy: Policy expired.",
                assertThrows(S3Exception.class, () -> policy.requireUnexpired(Instant.parse("2026-01-02T00:00:00Z")))
                        .getMessage());
    }

    @Test
    void malformedPoliciesAreInvalidPolicyDocument() {
        for (String json : new String[] {"not json", "{\"conditions\": []}", "{\"expiration\": \"2026-01-02T00:00:00Z\"}",
                "{\"expiration\": \"tomorrow\", \"conditions\": []}",
                "{\"expiration\": \"2026-01-02T00:00:00Z\", \"conditions\": [[\"matches\", \"$key\", \"x\"]]}",
                "{\"expiration\": \"2026-01-02T00:00:00Z\", \"conditions\": [[\"content-length-range\", 5, 1]]}"}) {
            S3Exception error = assertThrows(S3Exception.class, () -> policy(json), json);
            assertEquals("InvalidPolicyDocument", error.code().wireCode(), json);
        }
        assertEquals("InvalidPolicyDocument", assertThrows(S3Exception.class, () -> PostPolicy.decode("%%%"))
                .code().wireCode());
    }

    private static String refusal(PostPolicy policy, Map<String, String> fields) {
        S3Exception error = assertThrows(S3Exception.class, () -> policy.check(fields, NOW));
        assertEquals("AccessDenied", error.code().wireCode());
        return error.getMessage();
    }

    private static PostPolicy policy(String json) {
        return PostPolicy.decode(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }
}
