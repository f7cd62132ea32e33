package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.PostForms;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Browser form uploads (PostObject) signed with Keystone EC2 credentials: a SigV4 form from a key the gateway has
 * not seen yet (Keystone's s3tokens cannot check a SigV4 signature over a policy, so the gateway proves it with the
 * secret and has Keystone vouch for the user), a SigV2 form, and a wrong signature, each as AWS answers.
 */
class S3TokenPostObjectIT {

    @Test
    void formsSignedWithEc2CredentialsStoreInTheProjectsAccount() throws Exception {
        KeystoneAdmin admin = KeystoneAdmin.connect();
        String account = "AUTH_" + admin.projectId("demo");
        String bucket = S3TestGateway.uniqueBucket();
        try (S3TestGateway gateway = S3TestGateway.start(KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL,
                60));
             KeystoneGateway.DirectSwift swift = new KeystoneGateway.DirectSwift()) {
            try {
                Map<String, String> v4 = form(bucket, "v4.txt");
                PostForms.signV4(v4, policy(bucket, "v4.txt"), S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
                Map<String, String> wrong = form(bucket, "wrong.txt");
                PostForms.signV4(wrong, policy(bucket, "wrong.txt"), S3TokenIT.DEMO, "not-the-secret");
                Map<String, String> v2 = form(bucket, "v2.txt");
                PostForms.signV2(v2, policy(bucket, "v2.txt"), S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);

                // made directly in Swift, so that the first form is the gateway's first sight of the key
                swift.account(account).containers().create(bucket, SwiftHeaders.empty());
                HttpResponse<String> first = post(gateway, bucket, v4);
                assertEquals(204, first.statusCode(), first.body());
                HttpResponse<String> refused = post(gateway, bucket, wrong);
                assertEquals(403, refused.statusCode(), refused.body());
                assertEquals(true, refused.body().contains("<Code>SignatureDoesNotMatch</Code>"), refused.body());
                assertEquals(204, post(gateway, bucket, v2).statusCode());

                for (String key : new String[] {"v4.txt", "v2.txt"}) {
                    try (SwiftResponse stored = swift.account(account).objects().get(bucket, key,
                            SwiftHeaders.empty())) {
                        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), stored.body().readAllBytes());
                    }
                }
                assertEquals(java.util.List.of("v2.txt", "v4.txt"),
                        S3TestGateway.objectNames(swift.account(account), bucket));
            } finally {
                swift.deleteContainer(account, bucket);
            }
        }
    }

    private static Map<String, String> form(String bucket, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        return fields;
    }

    private static String policy(String bucket, String key) {
        return PostForms.policy(Instant.now().plus(10, ChronoUnit.MINUTES), bucket, "{\"key\": \"" + key + "\"}");
    }

    private static HttpResponse<String> post(S3TestGateway gateway, String bucket, Map<String, String> fields)
            throws Exception {
        byte[] body = PostForms.browserBody(PostForms.BOUNDARY, fields, "f.txt",
                fields.get("key").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.uri("/" + bucket))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + PostForms.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
