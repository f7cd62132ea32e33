package io.s3multi.filters.tempauth;

import io.s3multi.s3.operation.S3Identity;
import java.util.Objects;
import java.util.Set;

/**
 * One user of tempauth's configuration, as Swift's tempauth defines it: {@code user_<account>_<user> = <key>
 * [.admin] [.reseller_admin]}.
 *
 * <p>The S3 access key is {@code <account>:<user>} and the S3 secret is {@code <key>}, exactly the credentials
 * of the same user in Swift's tempauth, which the gateway uses to obtain the user's Swift token. The gateway
 * itself grants nothing: what the user may do in Swift (the {@code .admin} group, container ACLs) is decided
 * by Swift. The groups tell the S3 stages who administers the account ({@link S3Identity#accountAdmin}: may bypass
 * Object Lock governance retention).
 *
 * @param account the Swift tempauth account, e.g. {@code test}
 * @param user    the user within it, e.g. {@code tester}
 * @param key     the secret (Swift key and S3 secret access key)
 * @param groups  {@code .admin}, {@code .reseller_admin}, as configured
 */
public record TempAuthUser(String account, String user, String key, Set<String> groups) {

    public TempAuthUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
        groups = Set.copyOf(groups);
    }

    /** {@code account:user}: the S3 access key, the Swift tempauth user name, and the name in logs. */
    public String accessKey() {
        return account + ":" + user;
    }

    /** The identity the S3 stages act as: the Swift account {@code <resellerPrefix><account>}. */
    public S3Identity identity(String resellerPrefix) {
        String swiftAccount = resellerPrefix + account;
        return new S3Identity(accessKey(), accessKey(), swiftAccount, swiftAccount,
                groups.contains(".admin") || groups.contains(".reseller_admin"));
    }

    @Override
    public String toString() {
        return "TempAuthUser[" + accessKey() + " " + groups + "]";  // never the key
    }
}
