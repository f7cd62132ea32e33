package io.s3multi.webapp.s3;

import static io.s3multi.webapp.s3.S3TestGateway.REGION;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Browser forms, policies and their signatures, as a web page's server side would make them. */
public final class PostForms {

    /** The boundary Chrome would choose. */
    public static final String BOUNDARY = "----WebKitFormBoundaryq5lGkHcE2l8kYJt9";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private PostForms() {
    }

    public static String policy(Instant expiration, String bucket, String... conditions) {
        List<String> all = new ArrayList<>(List.of("{\"bucket\": \"" + bucket + "\"}"));
        all.addAll(List.of(conditions));
        String json = "{\"expiration\": \"" + expiration.truncatedTo(ChronoUnit.MILLIS) + "\", \"conditions\": ["
                + String.join(", ", all) + "]}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the SigV4 fields; the policy must allow them, so they are added to it as AWS's SDKs do. */
    public static void signV4(Map<String, String> fields, String policy, String accessKey, String secret) {
        Instant now = Instant.now();
        String date = AMZ_DATE.format(now);
        String credential = accessKey + "/" + date.substring(0, 8) + "/" + REGION + "/s3/aws4_request";
        String json = new String(Base64.getDecoder().decode(policy), StandardCharsets.UTF_8);
        json = json.substring(0, json.lastIndexOf(']')) + ", {\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}, "
                + "{\"x-amz-credential\": \"" + credential + "\"}, {\"x-amz-date\": \"" + date + "\"}]}";
        String signedPolicy = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac("HmacSHA256", ("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        for (String part : List.of(REGION, "s3", "aws4_request")) {
            key = hmac("HmacSHA256", key, part);
        }
        fields.put("policy", signedPolicy);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", date);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac("HmacSHA256", key, signedPolicy)));
    }

    public static void signV2(Map<String, String> fields, String policy, String accessKey, String secret) {
        fields.put("AWSAccessKeyId", accessKey);
        fields.put("policy", policy);
        fields.put("signature", Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), policy)));
    }

    /** The form as a browser encodes it: the fields in order, the file, then a field after it. */
    public static byte[] browserBody(String boundary, Map<String, String> fields, String fileName, byte[] file) {
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head(boundary, fields, fileName));
        body.writeBytes(file);
        body.writeBytes(tail(boundary));
        return body.toByteArray();
    }

    /** Everything before the file's bytes. */
    public static byte[] head(String boundary, Map<String, String> fields, String fileName) {
        var head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Everything after the file's bytes: the end of the file part, a field AWS ignores, the closing boundary. */
    public static byte[] tail(String boundary) {
        return ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"submit\"\r\n\r\n"
                + "Upload\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes that contain the boundary's start ({@code \r\n--}) often, so the parser cannot be fooled by them. */
    public static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            bytes[i] = i % 997 < tricky.length ? tricky[i % 997] : (byte) (i * 31 + 7);
        }
        return bytes;
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
