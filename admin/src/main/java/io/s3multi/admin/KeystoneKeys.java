package io.s3multi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Credential;
import org.openstack4j.model.identity.v3.Project;
import org.openstack4j.model.identity.v3.User;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneCredential;

/**
 * Keystone EC2 credentials (the S3 access keys that s3token verifies), through OpenStack4j's identity v3 API:
 * {@code /v3/credentials} of type {@code ec2}, whose blob holds the access key and secret and whose id Keystone
 * derives from the access key. OpenStack4j's session is per thread, so this object is used on the thread that
 * logged in.
 */
final class KeystoneKeys {

    /** One EC2 credential. */
    record Ec2Key(String access, String secret, String userId, String projectId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OSClient.OSClientV3 keystone;

    private KeystoneKeys(OSClient.OSClientV3 keystone) {
        this.keystone = keystone;
    }

    /** Logs in with a password, scoped to the login's project (user and project by name, domain by id). */
    static KeystoneKeys login(KeystoneLogin login) {
        Identifier domain = Identifier.byId(login.domain());
        return new KeystoneKeys(OSFactory.builderV3().endpoint(login.authUrl())
                .credentials(login.user(), login.password(), domain)
                .scopeToProject(Identifier.byName(login.project()), domain)
                .authenticate());
    }

    /** A new key pair for {@code user} in {@code project} (each a name or an id). */
    Ec2Key create(String user, String project) {
        String userId = userId(user);
        String projectId = projectId(project);
        String access = randomHex(16);
        String secret = randomHex(20);
        ObjectNode blob = JSON.createObjectNode().put("access", access).put("secret", secret);
        Credential made = keystone.identity().credentials().create(KeystoneCredential.builder().type("ec2")
                .blob(blob.toString()).userId(userId).projectId(projectId).build());
        if (made == null) {
            throw new IllegalStateException("Keystone refused the credential");
        }
        return new Ec2Key(access, secret, userId, projectId);
    }

    /** Every EC2 key, of {@code user} only when given (a name or an id). */
    List<Ec2Key> list(Optional<String> user) {
        Optional<String> userId = user.map(this::userId);
        List<Ec2Key> keys = new ArrayList<>();
        for (Credential credential : keystone.identity().credentials().list()) {
            if ("ec2".equals(credential.getType())
                    && userId.map(credential.getUserId()::equals).orElse(true)) {
                JsonNode blob = parse(credential.getBlob());
                keys.add(new Ec2Key(blob.path("access").asText(), blob.path("secret").asText(),
                        credential.getUserId(), credential.getProjectId()));
            }
        }
        return keys;
    }

    /** Deletes the EC2 key with access key {@code access}; false when there is none. */
    boolean revoke(String access) {
        for (Credential credential : keystone.identity().credentials().list()) {
            if ("ec2".equals(credential.getType()) && access.equals(parse(credential.getBlob()).path("access")
                    .asText())) {
                ActionResponse deleted = keystone.identity().credentials().delete(credential.getId());
                if (!deleted.isSuccess()) {
                    throw new IllegalStateException("Keystone did not delete the key: " + deleted.getFault());
                }
                return true;
            }
        }
        return false;
    }

    private String userId(String nameOrId) {
        return idOf("user", nameOrId, keystone.identity().users()::get, keystone.identity().users()::getByName,
                User::getId);
    }

    private String projectId(String nameOrId) {
        return idOf("project", nameOrId, keystone.identity().projects()::get,
                keystone.identity().projects()::getByName, Project::getId);
    }

    /** The id of the one entity whose id, or else whose name, is {@code nameOrId}. */
    private static <T> String idOf(String what, String nameOrId, Function<String, T> byId,
            Function<String, List<? extends T>> byName, Function<T, String> id) {
        T found = byId.apply(nameOrId);
        if (found != null) {
            return id.apply(found);
        }
        List<? extends T> named = byName.apply(nameOrId);
        if (named.size() != 1) {
            throw new UsageException("no single Keystone " + what + " '" + nameOrId + "' (" + named.size()
                    + " found)");
        }
        return id.apply(named.get(0));
    }

    private static JsonNode parse(String blob) {
        try {
            return JSON.readTree(blob == null ? "{}" : blob);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an EC2 credential blob that is not JSON", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
