package io.s3multi.filters.s3;

import io.s3multi.s3.access.authorization.Authorizer;
import io.s3multi.s3.access.authorization.OtherAccounts;
import jakarta.servlet.ServletContext;
import java.util.Objects;

/**
 * The pipeline's authorization, shared through its servlet context: the s3api stage builds it with the bucket
 * registry and the service identity and publishes it; both S3 stages' edges read it at request time, so that the
 * s3multi stage authorizes multipart operations against the same cached state. Until one is published (or with no
 * registry) every known requester reaches its own account's buckets only, and anonymous requests none.
 *
 * @param authorizer     decides each request
 * @param serviceAccounts how tempauth users' and anonymous requests reach another account ({@code service_user});
 *                       Keystone users bring their own (the s3token stage's {@code ResellerAdmin} token)
 */
public record SharedAccess(Authorizer authorizer, OtherAccounts serviceAccounts) {

    private static final String ATTRIBUTE = SharedAccess.class.getName();
    private static final SharedAccess OWN_ACCOUNTS_ONLY =
            new SharedAccess(Authorizer.ownAccountsOnly(), OtherAccounts.NONE);

    public SharedAccess {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(serviceAccounts, "serviceAccounts");
    }

    public static void publish(ServletContext context, SharedAccess access) {
        context.setAttribute(ATTRIBUTE, access);
    }

    public static void withdraw(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
    }

    /** The published authorization, or own accounts only. */
    public static SharedAccess in(ServletContext context) {
        return context != null && context.getAttribute(ATTRIBUTE) instanceof SharedAccess access
                ? access : OWN_ACCOUNTS_ONLY;
    }
}
