package io.s3multi.s3.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.s3.access.Requester;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluation of AWS's documented example bucket policies ("Examples of Amazon S3 bucket policies", "IAM JSON policy
 * elements"), with the account ids of this gateway (Swift accounts) in place of AWS's.
 */
class PolicyEvaluationTest {

    private static final String BUCKET = "amzn-s3-demo-bucket";
    private static final String OBJECTS = "arn:aws:s3:::" + BUCKET + "/";
    private static final Requester TESTER = Requester.of("AUTH_test", "test:tester");
    private static final Requester BOB = Requester.of("AUTH_test", "test:Bob");
    private static final Requester OTHER = Requester.of("AUTH_test2", "test2:tester2");
    private static final Requester ANONYMOUS = Requester.ANONYMOUS;
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);

    private static BucketPolicy policy(String json) {
        return PolicyParser.parse(json, BUCKET, NOW);
    }

    private static PolicyVerdict ask(BucketPolicy policy, Requester who, String action, String resource,
                                     String... keyValues) {
        Map<String, List<String>> keys = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.computeIfAbsent(keyValues[i], k -> new java.util.ArrayList<>()).add(keyValues[i + 1]);
        }
        return policy.evaluate(new PolicyRequest(action, resource, who, keys));
    }

    /** "Restrict access to specific IP addresses": deny everyone outside 192.0.2.0/24. */
    @Test
    void aDenyOutsideAnIpRangeDeniesOtherAddressesAndSaysNothingInside() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Id": "S3PolicyId1",
                  "Statement": [
                    {
                      "Sid": "IPAllow",
                      "Effect": "Deny",
                      "Principal": "*",
                      "Action": "s3:*",
                      "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"],
                      "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}}
                    }
                  ]
                }""");
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:GetObject", OBJECTS + "a", "aws:sourceip",
                "198.51.100.7"));
        assertEquals(PolicyVerdict.NONE, ask(policy, TESTER, "s3:GetObject", OBJECTS + "a", "aws:sourceip",
                "192.0.2.200"));
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:GetObject", OBJECTS + "a"),
                "a request without a source address is outside the range");
    }

    /** "Allow IPv4 and IPv6 addresses": IPv6 ranges, an excluded sub-range, both families in one list. */
    @Test
    void ipv4AndIpv6RangesWithAnExcludedSubRange() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                    "Condition": {
                      "IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:DB8:1234:5678::/64"]},
                      "NotIpAddress": {"aws:SourceIp": ["192.0.2.188/32", "2001:DB8:1234:5678:ABCD::/80"]}
                    }
                  }]
                }""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k", "aws:sourceip",
                "192.0.2.1"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k", "aws:sourceip",
                "192.0.2.188"));
        assertEquals(PolicyVerdict.ALLOW, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k", "aws:sourceip",
                "2001:db8:1234:5678:1::2"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k", "aws:sourceip",
                "2001:db8:1234:5678:abcd::9"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k", "aws:sourceip",
                "2001:db8:1234:5679::1"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:PutObject", OBJECTS + "k", "aws:sourceip",
                "192.0.2.1"));
    }

    /** "Managing user access to specific folders": each user its own home/<name>/ prefix, via ${aws:username}. */
    @Test
    void eachUserReachesOnlyTheirOwnFolder() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AllowListingOfUserFolder",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::AUTH_test:root"},
                      "Action": ["s3:ListBucket"],
                      "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket"],
                      "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "home/${aws:username}"]}}
                    },
                    {
                      "Sid": "AllowAllS3ActionsInUserFolder",
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::AUTH_test:root"},
                      "Action": ["s3:*"],
                      "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"]
                    }
                  ]
                }""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, BOB, "s3:PutObject", OBJECTS + "home/Bob/notes.txt",
                "aws:username", "Bob"));
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:PutObject", OBJECTS + "home/Alice/notes.txt",
                "aws:username", "Bob"));
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:PutObject", OBJECTS + "home/bob/notes.txt",
                "aws:username", "Bob"), "resources match with case");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, BOB, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "aws:username", "Bob", "s3:prefix", "home/Bob/photos/"));
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "aws:username", "Bob", "s3:prefix", "home/Alice/"));
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "aws:username", "Bob"), "a listing without a prefix is not in any folder");
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:GetObject", OBJECTS + "home/Bob/x"),
                "without the user name the variable matches nothing");
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:GetObject", OBJECTS + "home/tester2/x",
                "aws:username", "tester2"), "another account is not the principal");
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:GetObject", OBJECTS + "home/Alice/x",
                "aws:username", "*"), "a variable's value is literal text: '*' matches only '*'");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, BOB, "s3:GetObject", OBJECTS + "home/*/x",
                "aws:username", "*"));
    }

    /** A variable's default applies when the request lacks the key; policies of 2008-10-17 have no variables. */
    @Test
    void variableDefaultsAndTheOldVersionWithoutVariables() {
        BucketPolicy withDefault = policy("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/${aws:username, 'public'}/*"}}""");
        assertEquals(PolicyVerdict.ALLOW, ask(withDefault, ANONYMOUS, "s3:GetObject", OBJECTS + "public/a"));
        assertEquals(PolicyVerdict.ALLOW, ask(withDefault, BOB, "s3:GetObject", OBJECTS + "Bob/a",
                "aws:username", "Bob"));
        BucketPolicy old = policy("""
                {"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/${aws:username}/*"}}""");
        assertEquals(PolicyVerdict.ALLOW, ask(old, BOB, "s3:GetObject", OBJECTS + "${aws:username}/a",
                "aws:username", "Bob"));
        assertEquals(PolicyVerdict.NONE, ask(old, BOB, "s3:GetObject", OBJECTS + "Bob/a", "aws:username", "Bob"));
    }

    /** "Enforce encryption of data in transit": deny every request that is not over TLS. */
    @Test
    void aDenyOfRequestsWithoutTlsDeniesPlainHttpOnly() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "RestrictToTLSRequestsOnly",
                    "Action": "s3:*",
                    "Effect": "Deny",
                    "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"],
                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                    "Principal": "*"
                  }]
                }""");
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k",
                "aws:securetransport", "false"));
        assertEquals(PolicyVerdict.NONE, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k",
                "aws:securetransport", "true"));
        assertEquals(PolicyVerdict.DENY, ask(policy, ANONYMOUS, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "aws:securetransport", "false"));
        BucketPolicy jsonBoolean = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"Bool": {"aws:SecureTransport": false}}}]}""");
        assertEquals(PolicyVerdict.DENY, ask(jsonBoolean, TESTER, "s3:GetObject", OBJECTS + "k",
                "aws:securetransport", "false"), "a JSON boolean is the same as its text");
    }

    /** "Granting read-only permission to a public anonymous user". */
    @Test
    void publicReadAllowsEveryoneToReadObjectsAndNothingElse() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "PublicRead",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                    "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket/*"]
                  }]
                }""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "index.html"));
        assertEquals(PolicyVerdict.ALLOW, ask(policy, OTHER, "s3:getobject", OBJECTS + "a/b"),
                "actions match ignoring case");
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:PutObject", OBJECTS + "index.html"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:ListBucket", "arn:aws:s3:::" + BUCKET));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", "arn:aws:s3:::other/x"));
    }

    /** NotPrincipal with Deny ("IAM JSON policy elements: NotPrincipal"): everyone but Bob, who is named with his account. */
    @Test
    void notPrincipalDeniesEveryoneButTheUserNamedWithItsAccount() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Deny",
                    "NotPrincipal": {"AWS": ["arn:aws:iam::AUTH_test:user/Bob", "arn:aws:iam::AUTH_test:root"]},
                    "Action": "s3:*",
                    "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"]
                  }]
                }""");
        assertEquals(PolicyVerdict.NONE, ask(policy, BOB, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, OTHER, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k"));

        BucketPolicy userOnly = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                 "NotPrincipal": {"AWS": "arn:aws:iam::AUTH_test:user/Bob"}, "Action": "s3:*",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"}]}""");
        assertEquals(PolicyVerdict.DENY, ask(userOnly, BOB, "s3:GetObject", OBJECTS + "k"),
                "without the account's ARN the deny reaches Bob through his account, as AWS warns");
    }

    /** NotAction: everyone outside the account may do nothing but read. */
    @Test
    void notActionDeniesEverythingButTheActionsItNames() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Sid": "ReadForAll", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                     "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"},
                    {"Sid": "NothingElseOutside", "Effect": "Deny", "Principal": "*", "NotAction": ["s3:Get*"],
                     "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                     "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "AUTH_test"}}}
                  ]
                }""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, OTHER, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, OTHER, "s3:PutObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, OTHER, "s3:DeleteObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.DENY, ask(policy, ANONYMOUS, "s3:PutObject", OBJECTS + "k"),
                "an anonymous request has no account: StringNotEquals holds");
        assertEquals(PolicyVerdict.NONE, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k"));
    }

    /** "Granting cross-account permissions to upload objects while ensuring the bucket owner has full control". */
    @Test
    void crossAccountUploadsOnlyWithBucketOwnerFullControl() {
        BucketPolicy policy = policy("""
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "AllowPutWithOwnerControl",
                    "Effect": "Allow",
                    "Principal": {"AWS": "AUTH_test2"},
                    "Action": "s3:PutObject",
                    "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                    "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}
                  }]
                }""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, OTHER, "s3:PutObject", OBJECTS + "k", "s3:x-amz-acl",
                "bucket-owner-full-control"));
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:PutObject", OBJECTS + "k", "s3:x-amz-acl",
                "public-read"));
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:PutObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.NONE, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k", "s3:x-amz-acl",
                "bucket-owner-full-control"));
    }

    /** "Restricting the number of keys a listing returns" (s3:max-keys) and the CanonicalUser form. */
    @Test
    void numericConditionsOnMaxKeys() {
        BucketPolicy policy = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"CanonicalUser": "AUTH_test2"}, "Action": "s3:ListBucket",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket",
                 "Condition": {"NumericLessThanEquals": {"s3:max-keys": "10"}}}]}""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, OTHER, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "s3:max-keys", "10"));
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "s3:max-keys", "11"));
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:ListBucket", "arn:aws:s3:::" + BUCKET,
                "s3:max-keys", "ten"));
        assertEquals(PolicyVerdict.NONE, ask(policy, OTHER, "s3:ListBucket", "arn:aws:s3:::" + BUCKET));
    }

    /** Requiring server-side encryption with Null, and the IfExists forms. */
    @Test
    void nullAndIfExistsDecideOnTheKeysPresence() {
        BucketPolicy policy = policy("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "DenyUnencrypted", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
                  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                  "Condition": {"Null": {"s3:x-amz-server-side-encryption": "true"}}},
                 {"Sid": "DenyOtherAlgorithms", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
                  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                  "Condition": {"StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption": "AES256"}}}]}""");
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.NONE, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k",
                "s3:x-amz-server-side-encryption", "AES256"));
        assertEquals(PolicyVerdict.DENY, ask(policy, TESTER, "s3:PutObject", OBJECTS + "k",
                "s3:x-amz-server-side-encryption", "aws:kms"));

        BucketPolicy ifExists = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"IpAddressIfExists": {"aws:SourceIp": "10.0.0.0/8"}}}]}""");
        assertEquals(PolicyVerdict.ALLOW, ask(ifExists, ANONYMOUS, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.ALLOW, ask(ifExists, ANONYMOUS, "s3:GetObject", OBJECTS + "k",
                "aws:sourceip", "10.1.2.3"));
        assertEquals(PolicyVerdict.NONE, ask(ifExists, ANONYMOUS, "s3:GetObject", OBJECTS + "k",
                "aws:sourceip", "11.1.2.3"));
    }

    /** Dates compare with aws:CurrentTime, which the policy takes from the clock when the request has none. */
    @Test
    void dateConditionsCompareWithTheCurrentTime() {
        BucketPolicy policy = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2026-12-01T00:00:00Z"},
                               "DateLessThan": {"aws:CurrentTime": "2026-12-31"}}}]}""");
        assertEquals(PolicyVerdict.ALLOW, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k",
                "aws:currenttime", "2027-01-02T00:00:00Z"));
        assertEquals(PolicyVerdict.NONE, ask(policy, ANONYMOUS, "s3:GetObject", OBJECTS + "k",
                "aws:currenttime", "2026-11-30T23:59:59Z"));
    }

    /** ForAnyValue and ForAllValues over a key with several values; StringEqualsIgnoreCase; ArnLike. */
    @Test
    void setOperatorsAndArnConditions() {
        BucketPolicy any = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"ForAnyValue:StringEqualsIgnoreCase": {"aws:TagKeys": ["secret", "private"]}}}]}""");
        assertEquals(PolicyVerdict.DENY, ask(any, TESTER, "s3:PutObject", OBJECTS + "k", "aws:tagkeys", "color",
                "aws:tagkeys", "SECRET"));
        assertEquals(PolicyVerdict.NONE, ask(any, TESTER, "s3:PutObject", OBJECTS + "k", "aws:tagkeys", "color"));
        assertEquals(PolicyVerdict.NONE, ask(any, TESTER, "s3:PutObject", OBJECTS + "k"));

        BucketPolicy all = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["project", "cost-*"]}}}]}""");
        assertEquals(PolicyVerdict.ALLOW, ask(all, TESTER, "s3:PutObject", OBJECTS + "k", "aws:tagkeys", "project",
                "aws:tagkeys", "cost-center"));
        assertEquals(PolicyVerdict.NONE, ask(all, TESTER, "s3:PutObject", OBJECTS + "k", "aws:tagkeys", "project",
                "aws:tagkeys", "owner"));
        assertEquals(PolicyVerdict.ALLOW, ask(all, TESTER, "s3:PutObject", OBJECTS + "k"),
                "ForAllValues holds for a request without the key, as AWS warns");

        BucketPolicy arn = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*",
                 "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::AUTH_test2:user/*"}}}]}""");
        assertEquals(PolicyVerdict.ALLOW, ask(arn, OTHER, "s3:GetObject", OBJECTS + "k"),
                "aws:PrincipalArn follows from the requester");
        assertEquals(PolicyVerdict.NONE, ask(arn, TESTER, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.NONE, ask(arn, ANONYMOUS, "s3:GetObject", OBJECTS + "k"));
    }

    /** An explicit Deny beats an Allow of the same request, whatever the statements' order. */
    @Test
    void aMatchingDenyWinsOverAMatchingAllow() {
        BucketPolicy policy = policy("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"},
                 {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::AUTH_test:user/Bob"}, "Action": "s3:Delete*",
                  "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/*"}]}""");
        assertEquals(PolicyVerdict.DENY, ask(policy, BOB, "s3:DeleteObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.ALLOW, ask(policy, BOB, "s3:GetObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.ALLOW, ask(policy, TESTER, "s3:DeleteObject", OBJECTS + "k"));
        assertEquals(PolicyVerdict.ALLOW, ask(policy, ANONYMOUS, "s3:DeleteObjectVersion", OBJECTS + "k"));
    }
}
