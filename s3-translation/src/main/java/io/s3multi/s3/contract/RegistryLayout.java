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
 *     object acl                                 the bucket's ACL (PutBucketAcl, CreateBucket's x-amz-acl and
 *                                                  x-amz-grant-*), as an AccessControlPolicy document; absent:
 *                                                  the owner's full control
 *     object policy                              the bucket policy (PutBucketPolicy), JSON as the client sent it
 *     object public-access-block                 the PublicAccessBlockConfiguration, as S3 XML
 *     object ownership-controls                  the OwnershipControls, as S3 XML
 *                                                  (these four live here for the reason cors does: anonymous and
 *                                                  other accounts' requests are authorized with them)
 *     object leases/&lt;job&gt;                         empty: the lease of one background job (lifecycle, sweep)
 *                                                  on this bucket, in its metadata: X-Object-Meta-Lease-Holder
 *                                                  (a gateway's worker id; empty: released),
 *                                                  X-Object-Meta-Lease-Expires (epoch milliseconds, the
 *                                                  holder's clock), X-Object-Meta-Lease-Finished (epoch
 *                                                  milliseconds of the last run that went through the whole
 *                                                  bucket); see docs/BACKGROUND.md
 *     object checkpoints/&lt;job&gt;                    where an interrupted run of the job stopped (its body, in
 *                                                  the job's own words, such as a listing marker); absent: the
 *                                                  next run starts at the beginning
 * </pre>
 *
 * <p>DeleteBucket removes the leases and checkpoints with the record.
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

    /** The object that holds the bucket's ACL. */
    public static final String ACL = "acl";

    /** The object that holds the bucket policy. */
    public static final String POLICY = "policy";

    /** The object that holds the bucket's PublicAccessBlock configuration. */
    public static final String PUBLIC_ACCESS_BLOCK = "public-access-block";

    /** The object that holds the bucket's OwnershipControls. */
    public static final String OWNERSHIP_CONTROLS = "ownership-controls";

    /** The prefix of the background jobs' leases: {@code leases/<job name>}. */
    public static final String LEASES = "leases/";

    /** The prefix of the background jobs' checkpoints: {@code checkpoints/<job name>}. */
    public static final String CHECKPOINTS = "checkpoints/";

    /** The metadata of a lease naming its holder (empty: released). */
    public static final String LEASE_HOLDER = "X-Object-Meta-Lease-Holder";

    /** The metadata of a lease saying until when it holds, in epoch milliseconds of the holder's clock. */
    public static final String LEASE_EXPIRES = "X-Object-Meta-Lease-Expires";

    /** The metadata of a lease saying when a run last went through the whole bucket, in epoch milliseconds. */
    public static final String LEASE_FINISHED = "X-Object-Meta-Lease-Finished";

    private RegistryLayout() {
    }
}
