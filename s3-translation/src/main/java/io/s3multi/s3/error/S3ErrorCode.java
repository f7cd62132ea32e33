package io.s3multi.s3.error;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every AWS S3 error code the gateway can answer, with its wire code, HTTP status and AWS's default message.
 *
 * <p>The wire code is written out for each constant instead of being derived from the constant's name, so that
 * renaming a constant can never change what clients see, and a reader can grep the code base for the exact string
 * an SDK reports (for example {@code "KeyTooLongError"} and {@code "MissingRequestBodyError"}, whose constants are
 * named without AWS's irregular {@code Error} suffix). Statuses follow the table in AWS's "Error responses"
 * reference; {@code S3ErrorCodeTest} checks each one against a copy of that table, which would catch mistakes such
 * as answering {@code BucketAlreadyExists} with 403.
 *
 * <p>A constant is data only. To fail a request, throw the {@link S3Exception} built by the factory that names
 * the code ({@code S3Exception.noSuchBucket(bucket)}), which also carries the context AWS puts in the body.
 */
public enum S3ErrorCode {

    ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs"),
    ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
    ACCESS_FORBIDDEN("AccessForbidden", 403, "CORSResponse: This CORS request is not allowed."),
    ACCOUNT_PROBLEM("AccountProblem", 403,
            "There is a problem with your AWS account that prevents the action from completing successfully."),
    AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400,
            "The authorization header you provided is invalid."),
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
            "The authorization query parameters you provided are invalid."),
    BAD_REQUEST("BadRequest", 400, "Bad Request"),
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409,
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system."
                    + " Please select a different name and try again."),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
            "Your previous request to create the named bucket succeeded and you already own it."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size"),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size"),
    INCOMPLETE_BODY("IncompleteBody", 400,
            "You did not provide the number of bytes specified by the Content-Length HTTP header"),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403,
            "The AWS Access Key Id you provided does not exist in our records."),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
    INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP("InvalidBucketAclWithObjectOwnership", 400,
            "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"),
    INVALID_BUCKET_STATE("InvalidBucketState", 409, "The request is not valid with the current state of the bucket."),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid."),
    INVALID_CHUNK_SIZE("InvalidChunkSizeError", 403,
            "Only the last chunk is allowed to have a size less than 8192 bytes"),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
    INVALID_LOCATION_CONSTRAINT("InvalidLocationConstraint", 400, "The specified location constraint is not valid."),
    INVALID_OBJECT_STATE("InvalidObjectState", 403, "The operation is not valid for the current state of the object."),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400,
            "The content of the form does not meet the conditions specified in the policy document."),
    INVALID_PART("InvalidPart", 400,
            "One or more of the specified parts could not be found. The part may not have been uploaded,"
                    + " or the specified entity tag may not match the part's entity tag."),
    INVALID_PART_NUMBER("InvalidPartNumber", 416, "The requested partnumber is not satisfiable"),
    INVALID_PART_ORDER("InvalidPartOrder", 400,
            "The list of parts was not in ascending order. Parts must be ordered by part number."),
    INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
    INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
    INVALID_STORAGE_CLASS("InvalidStorageClass", 400, "The storage class you specified is not valid"),
    INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag."),
    INVALID_URI("InvalidURI", 400, "Couldn't parse the specified URI."),
    KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
    MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400,
            "The body of your POST request is not well-formed multipart/form-data."),
    MALFORMED_ACL("MalformedACLError", 400,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    MALFORMED_POLICY("MalformedPolicy", 400, "This policy contains invalid Json"),
    MALFORMED_TRAILER("MalformedTrailerError", 400,
            "The request contained trailing data that was not well-formed or did not conform to our published"
                    + " schema."),
    MALFORMED_XML("MalformedXML", 400,
            "The XML you provided was not well-formed or did not validate against our published schema"),
    MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceededError", 400,
            "Your POST request fields preceding the upload file were too large."),
    MAX_MESSAGE_LENGTH_EXCEEDED("MaxMessageLengthExceeded", 400, "Your request was too big."),
    METADATA_TOO_LARGE("MetadataTooLarge", 400,
            "Your metadata headers exceed the maximum allowed metadata size."),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
    MISSING_REQUEST_BODY("MissingRequestBodyError", 400, "Request Body is empty"),
    MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request was missing a required header"),
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
    NO_SUCH_OBJECT_LOCK_CONFIGURATION("NoSuchObjectLockConfiguration", 404,
            "The specified object does not have a ObjectLock configuration"),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_BUCKET_POLICY("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
    NO_SUCH_LIFECYCLE_CONFIGURATION("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist"),
    NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION("NoSuchPublicAccessBlockConfiguration", 404,
            "The public access block configuration was not found"),
    NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
    NO_SUCH_UPLOAD("NoSuchUpload", 404,
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been"
                    + " aborted or completed."),
    NO_SUCH_VERSION("NoSuchVersion", 404,
            "The version ID specified in the request does not match an existing version."),
    NOT_IMPLEMENTED("NotImplemented", 501,
            "A header you provided implies functionality that is not implemented"),
    NOT_MODIFIED("NotModified", 304, "Not Modified"),
    OBJECT_LOCK_CONFIGURATION_NOT_FOUND("ObjectLockConfigurationNotFoundError", 404,
            "Object Lock configuration does not exist for this bucket"),
    OWNERSHIP_CONTROLS_NOT_FOUND("OwnershipControlsNotFoundError", 404,
            "The bucket ownership controls were not found"),
    PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the pre-conditions you specified did not hold"),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
            "The difference between the request time and the current time is too large."),
    REQUEST_TIMEOUT("RequestTimeout", 400,
            "Your socket connection to the server was not read from or written to within the timeout period."
                    + " Idle connections will be closed."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided."
                    + " Check your key and signing method."),
    SLOW_DOWN("SlowDown", 503, "Please reduce your request rate."),
    TOO_MANY_PARTS("TooManyParts", 400,
            "You have attempted to add more parts than the maximum of 10000 that are allowed for this object."),
    UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS("UnresolvableGrantByEmailAddress", 400,
            "The email address you provided does not match any account on record."),
    UNEXPECTED_CONTENT("UnexpectedContent", 400, "This request does not support content"),
    X_AMZ_CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400,
            "The provided 'x-amz-content-sha256' header does not match what was computed.");

    private static final Map<String, S3ErrorCode> BY_WIRE_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(S3ErrorCode::wireCode, Function.identity()));

    private final String wireCode;
    private final int httpStatus;
    private final String defaultMessage;

    S3ErrorCode(String wireCode, int httpStatus, String defaultMessage) {
        this.wireCode = Objects.requireNonNull(wireCode, "wireCode");
        this.httpStatus = httpStatus;
        this.defaultMessage = Objects.requireNonNull(defaultMessage, "defaultMessage");
    }

    /** The code as it appears in {@code <Code>} and in SDK exceptions, e.g. {@code "NoSuchBucket"}. */
    public String wireCode() {
        return wireCode;
    }

    /** The HTTP status AWS answers this code with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** AWS's message for this code, used when the thrower has nothing more specific to say. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** The constant whose wire code is exactly {@code wireCode} (case-sensitive, as SDKs compare it). */
    public static Optional<S3ErrorCode> fromWireCode(String wireCode) {
        return Optional.ofNullable(wireCode == null ? null : BY_WIRE_CODE.get(wireCode));
    }
}
