package io.s3multi.filters.s3token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignedRequest;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The two Keystone calls that turn an S3 signature into a {@link KeystoneUser}, made with the gateway's own token:
 * <ol>
 *   <li>{@code POST /v3/s3tokens} with the access key, base64 (padded) of the string to sign and the signature:
 *       Keystone checks the signature with the secret it keeps, that the user and project are enabled and that the
 *       user has a role there, and answers the user, project and roles (but no token);</li>
 *   <li>{@code GET /v3/credentials/<sha256(access)>} (Keystone's id of an EC2 credential): the secret, which only
 *       an admin may read; the stage keeps it for the cache's lifetime to verify later requests and
 *       aws-chunked chunk signatures locally.</li>
 * </ol>
 * A rejected service token (401 on the credentials read, which the signature cannot explain) is dropped and the
 * call made once more with a fresh login.
 */
final class KeystoneClient implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeystoneHttp http;
    private final ServiceTokenKeeper tokens;

    KeystoneClient(KeystoneHttp http, ServiceTokenKeeper tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /**
     * Asks Keystone who signed {@code signed}.
     *
     * @throws KeystoneRefusalException 404 unknown access key; 401 wrong signature, disabled user or project;
     *                                  403 the gateway's user may not ask
     */
    KeystoneUser authenticate(SignedRequest signed) throws KeystoneUnavailableException, KeystoneRefusalException {
        ObjectNode body = KeystoneHttp.object();
        ObjectNode credentials = body.putObject("credentials");
        credentials.put("access", signed.accessKey());
        // Keystone decodes with urlsafe_b64decode, which needs the padding.
        credentials.put("token", Base64.getEncoder().encodeToString(
                signed.stringToSign().getBytes(StandardCharsets.UTF_8)));
        credentials.put("signature", signed.signature());
        KeystoneHttp.Answer answer = http.post("/s3tokens", body, tokens.token().value());
        if (answer.status() != 200) {
            throw refusal(answer, "s3tokens for " + signed.accessKey());
        }
        JsonNode token = answer.json().path("token");
        Set<String> roles = new LinkedHashSet<>();
        token.path("roles").forEach(role -> roles.add(role.path("name").asText()));
        String userId = token.path("user").path("id").asText(null);
        String projectId = token.path("project").path("id").asText(null);
        if (userId == null || projectId == null) {
            throw new KeystoneUnavailableException("s3tokens answered 200 without user or project id");
        }
        SecretAccessKey secret = secretOf(signed.accessKey());
        return new KeystoneUser(signed.accessKey(), userId, token.path("user").path("name").asText(userId), projectId,
                token.path("project").path("name").asText(projectId), roles, secret);
    }

    /** The EC2 secret of {@code accessKey} (admin only). */
    SecretAccessKey secretOf(String accessKey) throws KeystoneUnavailableException, KeystoneRefusalException {
        String path = "/credentials/" + sha256Hex(accessKey);
        ServiceToken token = tokens.token();
        KeystoneHttp.Answer answer = http.get(path, token.value());
        if (answer.status() == 401) {
            tokens.invalidate(token);
            answer = http.get(path, tokens.token().value());
        }
        if (answer.status() != 200) {
            throw refusal(answer, "reading the EC2 credential of " + accessKey);
        }
        String blob = answer.json().path("credential").path("blob").asText("");
        try {
            JsonNode pair = JSON.readTree(blob);
            if (!accessKey.equals(pair.path("access").asText()) || !pair.path("secret").isTextual()) {
                throw new KeystoneUnavailableException("EC2 credential of " + accessKey + " has no matching secret");
            }
            return SecretAccessKey.of(pair.path("secret").asText());
        } catch (IOException e) {
            throw new KeystoneUnavailableException("EC2 credential blob of " + accessKey + " is not JSON", e);
        }
    }

    /** Requests sent to Keystone so far (logins included). */
    long requestsSent() {
        return http.requestsSent();
    }

    private static KeystoneRefusalException refusal(KeystoneHttp.Answer answer, String what) {
        return new KeystoneRefusalException(answer.status(), "Keystone refused " + what + ": " + answer.status() + " "
                + answer.json().path("error").path("message").asText(""));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
