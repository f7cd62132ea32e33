package io.s3multi.s3.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS's "meaning of public" for bucket policies: which statements make a policy public. */
class PublicPolicyTest {

    private static final String OBJECTS = "\"Resource\": \"arn:aws:s3:::site/*\"";

    private static boolean isPublic(String statement) {
        return PolicyParser.parse("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}", "site")
                .isPublic();
    }

    @ParameterizedTest(name = "{0}: public={2}")
    @CsvSource(delimiter = '|', textBlock = """
            public read                       | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"                                          | true
            AWS star                          | "Effect": "Allow", "Principal": {"AWS": ["AUTH_test", "*"]}, "Action": "s3:GetObject"                  | true
            every action                      | "Effect": "Allow", "Principal": "*", "Action": "*"                                                     | true
            wildcard reaching a bad action    | "Effect": "Allow", "Principal": "*", "Action": "s3:Re*"                                                | true
            not action                        | "Effect": "Allow", "Principal": "*", "NotAction": "s3:GetObject"                                       | true
            a deny                            | "Effect": "Deny", "Principal": "*", "Action": "s3:*"                                                   | false
            one account                       | "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::AUTH_test2:root"}, "Action": "s3:*"              | false
            one user                          | "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::AUTH_test2:user/tester2"}, "Action": "s3:*"      | false
            no bad action                     | "Effect": "Allow", "Principal": "*", "Action": "s3:ReplicateObject"                                    | false
            source ip range                   | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"]}} | false
            every address                     | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}} | true
            outside a range                   | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"NotIpAddress": {"aws:SourceIp": "192.0.2.0/24"}} | true
            range if exists                   | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddressIfExists": {"aws:SourceIp": "192.0.2.0/24"}} | true
            fixed account                     | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:PrincipalAccount": "AUTH_test2"}} | false
            fixed principal arn               | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::AUTH_test2:user/tester2"}} | false
            wildcard principal arn            | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::AUTH_test2:user/*"}} | true
            user name is no limit             | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:username": "tester2"}} | true
            tls is no limit                   | "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"Bool": {"aws:SecureTransport": "true"}} | true
            """)
    void statement(String name, String statement, boolean expected) {
        assertEquals(expected, isPublic("{" + statement + ", " + OBJECTS + "}"), name);
    }
}
