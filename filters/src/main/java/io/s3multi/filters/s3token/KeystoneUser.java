package io.s3multi.filters.s3token;

import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.operation.S3Identity;
import java.util.Objects;
import java.util.Set;

/**
 * An EC2 credential as Keystone vouched for it: the user, the project it acts in, the user's roles there, and the
 * secret, kept so that later requests are verified here (and aws-chunked chunk signatures can be checked at all).
 *
 * @param accessKey   the EC2 access key
 * @param userId      Keystone user id
 * @param userName    Keystone user name (the name in access logs and S3 display names)
 * @param projectId   Keystone project id: the Swift account is {@code <reseller_prefix><projectId>}
 * @param projectName Keystone project name
 * @param roles       role names of the user on the project
 * @param secret      the EC2 secret
 */
public record KeystoneUser(String accessKey, String userId, String userName, String projectId, String projectName,
        Set<String> roles, SecretAccessKey secret) {

    /** The role that makes a user an administrator of the project's account ({@link S3Identity#accountAdmin}). */
    static final String ADMIN_ROLE = "admin";

    public KeystoneUser {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(projectId, "projectId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(secret, "secret");
    }

    /** The identity the S3 stages act as: owner and Swift account {@code <resellerPrefix><projectId>}. */
    public S3Identity identity(String resellerPrefix) {
        String account = resellerPrefix + projectId;
        return new S3Identity(accessKey, userName, account, account, roles.contains(ADMIN_ROLE));
    }

    @Override
    public String toString() {
        return "KeystoneUser[" + accessKey + " user=" + userName + " project=" + projectName + " roles=" + roles + "]";
    }
}
