package io.s3multi.filters.pipeline;

import java.util.Objects;

/**
 * The gateway's own Swift identity for work off the request path (lifecycle, sweeping): a tempauth reseller admin
 * whose token reaches every account (top-level {@code service_user} and {@code service_key}).
 *
 * @param user {@code <account>:<user>}, or empty for none
 * @param key  its key, or empty: without a key there is no background work
 */
public record ServiceIdentity(String user, String key) {

    /** No service identity: the gateway does no background work. */
    public static final ServiceIdentity NONE = new ServiceIdentity("", "");

    public ServiceIdentity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(key, "key");
    }

    /** Whether both the user and its key are set, so that background work can run. */
    public boolean isConfigured() {
        return !user.isEmpty() && !key.isEmpty();
    }

    @Override
    public String toString() {
        return "ServiceIdentity[user=" + user + ", key=" + (key.isEmpty() ? "" : "***") + "]";
    }
}
