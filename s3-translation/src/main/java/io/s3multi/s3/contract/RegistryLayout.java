package io.s3multi.s3.contract;

/**
 * What the bucket registry stores in Swift, in an account that belongs to the gateway (configured as
 * {@code filter.s3api.bucket_registry_user} / {@code bucket_registry_key}); how it is used:
 * {@code io.s3multi.s3.handler.bucket.SwiftBucketRegistry}.
 *
 * <pre>
 * account of the registry user (e.g. AUTH_s3multi), used for nothing else
 *   container &lt;bucket name&gt;                       one per bucket created through the gateway
 *     X-Container-Meta-Owner-Account: AUTH_test   the Swift account that owns the bucket
 *     object created                             empty: the bucket's container was made (records from before
 *                                                  this object existed lack it)
 *     object holds/&lt;random&gt;                      empty: a CreateBucket relies on the record while it works
 *     object cors                                the bucket's CORS configuration (PutBucketCors), as S3 XML;
 *                                                  here, not in the bucket's container, because a preflight
 *                                                  carries no credentials: the gateway reads it with the
 *                                                  registry's identity, never with one of the owner's account
 *     object lifecycle                           the bucket's lifecycle configuration
 *                                                  (PutBucketLifecycleConfiguration), as S3 XML after validation;
 *                                                  here for the same reason: the header x-amz-expiration and the
 *                                                  background worker read it without the owner's credentials
 * </pre>
 */
public final class RegistryLayout {

    /** The metadata header of a registry container that names the owning account. */
    public static final String OWNER_HEADER = "X-Container-Meta-Owner-Account";

    /** The object that marks a record whose bucket's container was made. */
    public static final String CREATED = "created";

    /** The prefix of the objects by which CreateBucket requests hold a record while they work. */
    public static final String HOLDS = "holds/";

    /** The object that holds the bucket's CORS configuration. */
    public static final String CORS = "cors";

    /** The object that holds the bucket's lifecycle configuration. */
    public static final String LIFECYCLE = "lifecycle";

    private RegistryLayout() {
    }
}
