package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The authorization matrix (tempauth): for each way a bucket can be shared, each principal's GET, PUT, DELETE,
 * LIST and GetBucketAcl are allowed or refused as AWS documents it, and what was refused left Swift unchanged.
 *
 * <p>Principals: the owner (test:tester), another account (test2:tester2), anonymous (unsigned HTTP). Buckets, all
 * test:tester's: private; granted to AUTH_test2 (bucket READ and WRITE by an AccessControlPolicy body, the object
 * READ by a grant header); authenticated-read; public-read; a policy that allows AUTH_test2 to read and list; a
 * public-read bucket whose policy denies everybody s3:GetObject; a public-read bucket whose public access block
 * ignores public ACLs.
 */
class AccessMatrixIT extends S3IntegrationTest {

    private static final String OTHER_ID = "AUTH_test2";
    private static final List<String> PRINCIPALS = List.of("owner", "other", "anonymous");
    private static final List<String> CALLS = List.of("GET", "LIST", "ACL", "PUT", "DELETE");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private record Case(String name, Consumer<String> share, Map<String, String> allowed) {
    }

    @Test
    void eachPrincipalGetsExactlyWhatTheBucketsAclsPoliciesAndBlocksAllow() throws Exception {
        List<Case> cases = List.of(
                new Case("private", bucket -> { }, Map.of("owner", "GET LIST ACL PUT DELETE")),
                new Case("granted", this::grantToOtherAccount,
                        Map.of("owner", "GET LIST ACL PUT DELETE", "other", "GET LIST PUT DELETE")),
                new Case("authenticated-read", bucket -> canned(bucket, BucketCannedACL.AUTHENTICATED_READ,
                        ObjectCannedACL.AUTHENTICATED_READ),
                        Map.of("owner", "GET LIST ACL PUT DELETE", "other", "GET LIST")),
                new Case("public-read", bucket -> canned(bucket, BucketCannedACL.PUBLIC_READ,
                        ObjectCannedACL.PUBLIC_READ),
                        Map.of("owner", "GET LIST ACL PUT DELETE", "other", "GET LIST", "anonymous", "GET LIST")),
                new Case("policy-allow", bucket -> policy(bucket, "Allow", "{\"AWS\": \"" + OTHER_ID + "\"}",
                        "[\"s3:GetObject\", \"s3:ListBucket\"]"),
                        Map.of("owner", "GET LIST ACL PUT DELETE", "other", "GET LIST")),
                new Case("policy-deny-beats-acl", bucket -> {
                    canned(bucket, BucketCannedACL.PUBLIC_READ, ObjectCannedACL.PUBLIC_READ);
                    policy(bucket, "Deny", "\"*\"", "\"s3:GetObject\"");
                }, Map.of("owner", "LIST ACL PUT DELETE", "other", "LIST", "anonymous", "LIST")),
                new Case("block-beats-public-acl", bucket -> {
                    canned(bucket, BucketCannedACL.PUBLIC_READ, ObjectCannedACL.PUBLIC_READ);
                    s3().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(
                            c -> c.ignorePublicAcls(true)));
                }, Map.of("owner", "GET LIST ACL PUT DELETE")));

        List<String> wrong = new ArrayList<>();
        for (Case shared : cases) {
            String bucket = uniqueBucket();
            s3().createBucket(b -> b.bucket(bucket));
            for (String principal : PRINCIPALS) {
                s3().putObject(b -> b.bucket(bucket).key("victim-" + principal), RequestBody.fromString("v"));
            }
            s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("shared"));
            shared.share().accept(bucket);

            TreeSet<String> expected = new TreeSet<>(List.of("k"));
            for (String principal : PRINCIPALS) {
                List<String> allowed = List.of(shared.allowed().getOrDefault(principal, "").split(" "));
                expected.add("victim-" + principal);
                for (String call : CALLS) {
                    int status = call(principal, call, bucket);
                    boolean wasAllowed = status / 100 == 2;
                    if (wasAllowed != allowed.contains(call) || !wasAllowed && status != 403) {
                        wrong.add(shared.name() + ": " + principal + " " + call + " answered " + status);
                    }
                    if (call.equals("PUT") && wasAllowed) {
                        expected.add("put-by-" + principal);
                    }
                    if (call.equals("DELETE") && wasAllowed) {
                        expected.remove("victim-" + principal);
                    }
                }
            }
            assertEquals(expected, new TreeSet<>(S3TestGateway.objectNames(swift(), bucket)),
                    shared.name() + ": what Swift holds after the allowed calls, and only those");
        }
        assertEquals(List.of(), wrong);
    }

    private int call(String principal, String call, String bucket) throws Exception {
        if (principal.equals("anonymous")) {
            return anonymous(call, bucket);
        }
        S3Client s3 = principal.equals("owner") ? s3() : s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        try {
            switch (call) {
                case "GET" -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
                case "LIST" -> s3.listObjectsV2(b -> b.bucket(bucket));
                case "ACL" -> s3.getBucketAcl(b -> b.bucket(bucket));
                case "PUT" -> s3.putObject(b -> b.bucket(bucket).key("put-by-" + principal),
                        RequestBody.fromString(principal));
                case "DELETE" -> s3.deleteObject(b -> b.bucket(bucket).key("victim-" + principal));
                default -> throw new IllegalArgumentException(call);
            }
            return 200;
        } catch (S3Exception refused) {
            return refused.statusCode();
        }
    }

    private int anonymous(String call, String bucket) throws Exception {
        HttpRequest.Builder request = switch (call) {
            case "GET" -> HttpRequest.newBuilder(uri("/" + bucket + "/k")).GET();
            case "LIST" -> HttpRequest.newBuilder(uri("/" + bucket + "?list-type=2")).GET();
            case "ACL" -> HttpRequest.newBuilder(uri("/" + bucket + "?acl")).GET();
            case "PUT" -> HttpRequest.newBuilder(uri("/" + bucket + "/put-by-anonymous"))
                    .PUT(HttpRequest.BodyPublishers.ofString("anonymous"));
            case "DELETE" -> HttpRequest.newBuilder(uri("/" + bucket + "/victim-anonymous")).DELETE();
            default -> throw new IllegalArgumentException(call);
        };
        HttpResponse<String> answer = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return answer.statusCode();
    }

    private void grantToOtherAccount(String bucket) {
        BucketGrants.grantToOtherAccount(s3(), bucket, Permission.READ, Permission.WRITE);
        s3().putObjectAcl(b -> b.bucket(bucket).key("k").grantRead("id=\"" + OTHER_ID + "\"")
                .grantFullControl("id=\"AUTH_test\""));
    }

    private static void canned(String bucket, BucketCannedACL bucketAcl, ObjectCannedACL objectAcl) {
        s3().putBucketAcl(b -> b.bucket(bucket).acl(bucketAcl));
        s3().putObjectAcl(b -> b.bucket(bucket).key("k").acl(objectAcl));
    }

    static void policy(String bucket, String effect, String principal, String actions) {
        String resources = "[\"arn:aws:s3:::" + bucket + "\", \"arn:aws:s3:::" + bucket + "/*\"]";
        s3().putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\": \"2012-10-17\", \"Statement\": [{"
                + "\"Effect\": \"" + effect + "\", \"Principal\": " + principal + ", \"Action\": " + actions
                + ", \"Resource\": " + resources + "}]}"));
    }
}
