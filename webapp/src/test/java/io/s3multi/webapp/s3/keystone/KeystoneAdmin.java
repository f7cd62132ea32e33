package io.s3multi.webapp.s3.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The dev Keystone driven by its admin, for tests: who exists (ids by name), and throw-away tenants (a project, a
 * member user, an EC2 pair) that a test may disable or delete without disturbing the shared fixture.
 */
final class KeystoneAdmin {

    /** Keystone's identity API of the dev Keystone ({@code dev/keystone}), from system property keystone.url. */
    static final String KEYSTONE_URL = System.getProperty("keystone.url", "http://127.0.0.1:5000/v3");
    /** The dev Swift proxy whose auth is Keystone, from system property keystone.swift.url. */
    static final String KEYSTONE_SWIFT_URL = System.getProperty("keystone.swift.url", "http://127.0.0.1:8083");
    /** The gateway's own Keystone user of the dev fixture (admin + ResellerAdmin). */
    static final String GATEWAY_USER = "s3multi";
    static final String GATEWAY_PASSWORD = "s3multipass";

    /** A tenant made for one test. */
    record Tenant(String projectId, String userId, String accessKey, String secretKey) {
        String account() {
            return "AUTH_" + projectId;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminToken;

    private KeystoneAdmin(String adminToken) {
        this.adminToken = adminToken;
    }

    /** Logs in as the dev admin; fails (never skips) when the dev Keystone is not running. */
    static KeystoneAdmin connect() {
        try {
            return new KeystoneAdmin(login("admin", "adminpass", "admin"));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("the dev Keystone at " + KEYSTONE_URL + " is not usable (start it: dev/keystone "
                    + "install && dev/swift start --keystone)", e);
        }
    }

    /** A password token of {@code user} scoped to {@code project} (domain default). */
    static String login(String user, String password, String project) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode u = identity.putObject("password").putObject("user");
        u.put("name", user).put("password", password).putObject("domain").put("id", "default");
        ObjectNode scope = ((ObjectNode) body.get("auth")).putObject("scope").putObject("project");
        scope.put("name", project).putObject("domain").put("id", "default");
        HttpResponse<String> response = send(HttpClient.newHttpClient(), "POST", "/auth/tokens", body, null);
        if (response.statusCode() != 201) {
            throw new IOException("login of " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** The id of the project named {@code name}. */
    String projectId(String name) throws IOException {
        return call("GET", "/projects?name=" + name, null, 200).path("projects").path(0).path("id").asText();
    }

    /** A new project with a member user and an EC2 pair, all with random names. */
    Tenant createTenant() throws IOException {
        String name = "s3it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        ObjectNode project = JSON.createObjectNode();
        project.putObject("project").put("name", name).put("domain_id", "default");
        String projectId = call("POST", "/projects", project, 201).path("project").path("id").asText();
        ObjectNode user = JSON.createObjectNode();
        user.putObject("user").put("name", name).put("password", name).put("domain_id", "default");
        String userId = call("POST", "/users", user, 201).path("user").path("id").asText();
        String memberRole = call("GET", "/roles?name=member", null, 200).path("roles").path(0).path("id").asText();
        call("PUT", "/projects/" + projectId + "/users/" + userId + "/roles/" + memberRole, null, 204);
        String access = name + "-access";
        String secret = name + "-secret";
        ObjectNode credential = JSON.createObjectNode();
        ObjectNode blob = JSON.createObjectNode().put("access", access).put("secret", secret);
        credential.putObject("credential").put("type", "ec2").put("user_id", userId).put("project_id", projectId)
                .put("blob", blob.toString());
        call("POST", "/credentials", credential, 201);
        return new Tenant(projectId, userId, access, secret);
    }

    void setUserEnabled(String userId, boolean enabled) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("user").put("enabled", enabled);
        call("PATCH", "/users/" + userId, body, 200);
    }

    void deleteCredential(String accessKey) throws IOException {
        call("DELETE", "/credentials/" + sha256Hex(accessKey), null, 204);
    }

    /** Deletes the tenant's user and project (its credential goes with the user). */
    void deleteTenant(Tenant tenant) throws IOException {
        send(http, "DELETE", "/users/" + tenant.userId(), null, adminToken);
        send(http, "DELETE", "/projects/" + tenant.projectId(), null, adminToken);
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) throws IOException {
        HttpResponse<String> response = send(http, method, path, body, adminToken);
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path, JsonNode body,
            String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(KEYSTONE_URL + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
