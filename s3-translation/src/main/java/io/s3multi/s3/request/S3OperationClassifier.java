package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import java.util.List;
import java.util.Optional;

/**
 * Maps a parsed request to the one {@link S3Operation} it asks for: the gateway's only routing table.
 *
 * <p>The rules are tried in a fixed order, the order of Swift s3api's controller selection, and the first
 * that applies decides:
 * <ol>
 *   <li>a sub-resource the gateway does not implement ({@code lifecycle}, {@code policy}, ...;
 *       see {@link #UNSUPPORTED_SUBRESOURCES}), or the method {@code OPTIONS} (a CORS preflight, which the
 *       {@code cors} stage answers before any S3 stage when it is in the pipeline): {@link S3Operation#UNSUPPORTED};</li>
 *   <li>no bucket: the service ({@code GET /} is ListBuckets);</li>
 *   <li>{@code ?acl}: Get/Put Bucket/Object Acl;</li>
 *   <li>{@code ?delete}: DeleteObjects;</li>
 *   <li>{@code ?location}: GetBucketLocation;</li>
 *   <li>{@code ?partNumber} on an object: PUT is UploadPart (UploadPartCopy with {@code x-amz-copy-source}) and
 *       needs {@code uploadId}; GET and HEAD are GetObject and HeadObject of one part;</li>
 *   <li>{@code ?uploadId}: ListParts (GET), CompleteMultipartUpload (POST), AbortMultipartUpload (DELETE);</li>
 *   <li>{@code ?uploads}: CreateMultipartUpload (POST on an object), ListMultipartUploads (GET on a bucket);</li>
 *   <li>{@code ?versioning}: Get/PutBucketVersioning;</li>
 *   <li>{@code ?versions}: ListObjectVersions;</li>
 *   <li>{@code ?tagging}: Get/Put/Delete Bucket/Object Tagging;</li>
 *   <li>{@code ?cors} on a bucket: Get/Put/DeleteBucketCors;</li>
 *   <li>{@code ?object-lock} on a bucket: Get/PutObjectLockConfiguration;</li>
 *   <li>{@code ?retention}, {@code ?legal-hold} on an object: Get/PutObjectRetention, Get/PutObjectLegalHold;</li>
 *   <li>{@code ?lifecycle} on a bucket: GetBucketLifecycleConfiguration, PutBucketLifecycleConfiguration (also the
 *       older PutBucketLifecycle, the same request), DeleteBucketLifecycle;</li>
 *   <li>{@code ?attributes} on an object: GetObjectAttributes;</li>
 *   <li>{@code ?policy}, {@code ?publicAccessBlock}, {@code ?ownershipControls} on a bucket: their Get/Put/Delete;
 *       {@code ?policyStatus}: GetBucketPolicyStatus;</li>
 *   <li>otherwise the method on the object or the bucket: {@code PUT} with {@code x-amz-copy-source} is CopyObject,
 *       {@code GET ?list-type=2} is ListObjectsV2, {@code POST} on a bucket is PostObject (a browser form
 *       upload).</li>
 * </ol>
 * Bucket-only sub-resources ({@code delete}, {@code location}, {@code versioning}, {@code versions}) ignore a key,
 * as s3api does. A method a rule does not accept is {@code MethodNotAllowed} with the method and the resource type
 * ({@code SERVICE}, {@code BUCKET}, {@code OBJECT}); a multipart sub-resource on the wrong level is
 * {@code InvalidRequest}, with s3api's messages. Values are not validated here (a part number, say): that is
 * the operation's job.
 */
public final class S3OperationClassifier {

    /** Sub-resources of the S3 API that the gateway recognises and refuses with {@code NotImplemented}. */
    public static final List<String> UNSUPPORTED_SUBRESOURCES = List.of("accelerate", "analytics",
            "encryption", "intelligent-tiering", "inventory", "logging",
            "metadataTable", "metrics", "notification", "replication", "requestPayment", "restore", "select",
            "session", "torrent", "website");

    private static final String COPY_SOURCE = "x-amz-copy-source";

    private S3OperationClassifier() {
    }

    /**
     * The operation the request asks for.
     *
     * @throws S3Exception {@code MethodNotAllowed}, {@code InvalidRequest} or {@code InvalidArgument} when the
     *                     request combines a method and a resource that no operation accepts
     */
    public static S3Operation classify(S3Request request) {
        String method = request.method();
        if (unsupportedSubresource(request).isPresent() || method.equals("OPTIONS")) {
            return S3Operation.UNSUPPORTED;
        }
        if (request.isServiceRequest()) {
            return service(method);
        }
        boolean object = request.hasKey();
        if (request.hasParam("acl")) {
            return acl(method, object);
        }
        if (request.hasParam("delete")) {
            return bucketOnly(method, "POST", S3Operation.DELETE_OBJECTS);
        }
        if (request.hasParam("location")) {
            return bucketOnly(method, "GET", S3Operation.GET_BUCKET_LOCATION);
        }
        if (request.hasParam("partNumber") && object) {
            return part(request, method);
        }
        if (request.hasParam("uploadId")) {
            return upload(method, object);
        }
        if (request.hasParam("uploads")) {
            return uploads(method, object);
        }
        if (request.hasParam("versioning")) {
            return switch (method) {
                case "GET" -> S3Operation.GET_BUCKET_VERSIONING;
                case "PUT" -> S3Operation.PUT_BUCKET_VERSIONING;
                default -> throw notAllowed(method, false);
            };
        }
        if (request.hasParam("versions")) {
            return bucketOnly(method, "GET", S3Operation.LIST_OBJECT_VERSIONS);
        }
        if (request.hasParam("tagging")) {
            return tagging(method, object);
        }
        if (request.hasParam("cors") && !object) {
            return bucketConfiguration(method, S3Operation.GET_BUCKET_CORS, S3Operation.PUT_BUCKET_CORS,
                    S3Operation.DELETE_BUCKET_CORS);
        }
        if (request.hasParam("lifecycle") && !object) {
            return bucketConfiguration(method, S3Operation.GET_BUCKET_LIFECYCLE_CONFIGURATION,
                    S3Operation.PUT_BUCKET_LIFECYCLE_CONFIGURATION, S3Operation.DELETE_BUCKET_LIFECYCLE);
        }
        if (request.hasParam("object-lock") && !object) {
            return switch (method) {
                case "GET" -> S3Operation.GET_OBJECT_LOCK_CONFIGURATION;
                case "PUT" -> S3Operation.PUT_OBJECT_LOCK_CONFIGURATION;
                default -> throw notAllowed(method, false);
            };
        }
        if ((request.hasParam("retention") || request.hasParam("legal-hold")) && object) {
            boolean retention = request.hasParam("retention");
            return switch (method) {
                case "GET" -> retention ? S3Operation.GET_OBJECT_RETENTION : S3Operation.GET_OBJECT_LEGAL_HOLD;
                case "PUT" -> retention ? S3Operation.PUT_OBJECT_RETENTION : S3Operation.PUT_OBJECT_LEGAL_HOLD;
                default -> throw notAllowed(method, true);
            };
        }
        if (!object) {
            Optional<S3Operation> configuration = accessConfiguration(request, method);
            if (configuration.isPresent()) {
                return configuration.get();
            }
        }
        if (request.hasParam("attributes") && object) {
            if (method.equals("GET")) {
                return S3Operation.GET_OBJECT_ATTRIBUTES;
            }
            throw notAllowed(method, true);
        }
        return object ? object(request, method) : bucket(request, method);
    }

    /** The first unsupported sub-resource the request names, in {@link #UNSUPPORTED_SUBRESOURCES} order. */
    public static Optional<String> unsupportedSubresource(S3Request request) {
        return UNSUPPORTED_SUBRESOURCES.stream().filter(request::hasParam).findFirst();
    }

    private static S3Operation service(String method) {
        if (method.equals("GET")) {
            return S3Operation.LIST_BUCKETS;
        }
        throw S3Exception.methodNotAllowed(method, "SERVICE");
    }

    private static S3Operation acl(String method, boolean object) {
        return switch (method) {
            case "GET" -> object ? S3Operation.GET_OBJECT_ACL : S3Operation.GET_BUCKET_ACL;
            case "PUT" -> object ? S3Operation.PUT_OBJECT_ACL : S3Operation.PUT_BUCKET_ACL;
            default -> throw notAllowed(method, object);
        };
    }

    private static S3Operation bucketOnly(String method, String allowed, S3Operation operation) {
        if (method.equals(allowed)) {
            return operation;
        }
        throw notAllowed(method, false);
    }

    private static S3Operation part(S3Request request, String method) {
        return switch (method) {
            case "PUT" -> {
                if (!request.hasParam("uploadId")) {
                    throw S3Exception.invalidArgument("ResourceType", "partNumber",
                            "Unexpected query string parameter");
                }
                yield request.header(COPY_SOURCE) != null ? S3Operation.UPLOAD_PART_COPY : S3Operation.UPLOAD_PART;
            }
            case "GET" -> S3Operation.GET_OBJECT;
            case "HEAD" -> S3Operation.HEAD_OBJECT;
            default -> throw notAllowed(method, true);
        };
    }

    private static S3Operation upload(String method, boolean object) {
        if (!object) {
            throw S3Exception.invalidRequest("A key must be specified");
        }
        return switch (method) {
            case "GET" -> S3Operation.LIST_PARTS;
            case "POST" -> S3Operation.COMPLETE_MULTIPART_UPLOAD;
            case "DELETE" -> S3Operation.ABORT_MULTIPART_UPLOAD;
            default -> throw notAllowed(method, true);
        };
    }

    private static S3Operation uploads(String method, boolean object) {
        return switch (method) {
            case "POST" -> {
                if (!object) {
                    throw S3Exception.invalidRequest("A key must be specified");
                }
                yield S3Operation.CREATE_MULTIPART_UPLOAD;
            }
            case "GET" -> {
                if (object) {
                    throw S3Exception.invalidRequest("Key is not expected for the GET method ?uploads subresource");
                }
                yield S3Operation.LIST_MULTIPART_UPLOADS;
            }
            default -> throw notAllowed(method, object);
        };
    }

    private static S3Operation tagging(String method, boolean object) {
        return switch (method) {
            case "GET" -> object ? S3Operation.GET_OBJECT_TAGGING : S3Operation.GET_BUCKET_TAGGING;
            case "PUT" -> object ? S3Operation.PUT_OBJECT_TAGGING : S3Operation.PUT_BUCKET_TAGGING;
            case "DELETE" -> object ? S3Operation.DELETE_OBJECT_TAGGING : S3Operation.DELETE_BUCKET_TAGGING;
            default -> throw notAllowed(method, object);
        };
    }

    /** A bucket configuration sub-resource ({@code cors}, {@code lifecycle}): GET, PUT and DELETE. */
    private static S3Operation bucketConfiguration(String method, S3Operation get, S3Operation put,
            S3Operation delete) {
        return switch (method) {
            case "GET" -> get;
            case "PUT" -> put;
            case "DELETE" -> delete;
            default -> throw notAllowed(method, false);
        };
    }

    /** The bucket's access configuration sub-resources: policy, its status, public access block, ownership. */
    private static Optional<S3Operation> accessConfiguration(S3Request request, String method) {
        if (request.hasParam("policyStatus")) {
            return Optional.of(bucketOnly(method, "GET", S3Operation.GET_BUCKET_POLICY_STATUS));
        }
        if (request.hasParam("policy")) {
            return Optional.of(bucketConfiguration(method, S3Operation.GET_BUCKET_POLICY,
                    S3Operation.PUT_BUCKET_POLICY, S3Operation.DELETE_BUCKET_POLICY));
        }
        if (request.hasParam("publicAccessBlock")) {
            return Optional.of(bucketConfiguration(method, S3Operation.GET_PUBLIC_ACCESS_BLOCK,
                    S3Operation.PUT_PUBLIC_ACCESS_BLOCK, S3Operation.DELETE_PUBLIC_ACCESS_BLOCK));
        }
        if (request.hasParam("ownershipControls")) {
            return Optional.of(bucketConfiguration(method, S3Operation.GET_BUCKET_OWNERSHIP_CONTROLS,
                    S3Operation.PUT_BUCKET_OWNERSHIP_CONTROLS, S3Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS));
        }
        return Optional.empty();
    }

    private static S3Operation object(S3Request request, String method) {
        return switch (method) {
            case "GET" -> S3Operation.GET_OBJECT;
            case "HEAD" -> S3Operation.HEAD_OBJECT;
            case "PUT" -> request.header(COPY_SOURCE) != null ? S3Operation.COPY_OBJECT : S3Operation.PUT_OBJECT;
            case "DELETE" -> S3Operation.DELETE_OBJECT;
            default -> throw notAllowed(method, true);
        };
    }

    private static S3Operation bucket(S3Request request, String method) {
        return switch (method) {
            case "GET" -> request.param("list-type").filter("2"::equals).isPresent()
                    ? S3Operation.LIST_OBJECTS_V2 : S3Operation.LIST_OBJECTS;
            case "HEAD" -> S3Operation.HEAD_BUCKET;
            case "PUT" -> S3Operation.CREATE_BUCKET;
            case "DELETE" -> S3Operation.DELETE_BUCKET;
            case "POST" -> S3Operation.POST_OBJECT;
            default -> throw notAllowed(method, false);
        };
    }

    private static S3Exception notAllowed(String method, boolean object) {
        return S3Exception.methodNotAllowed(method, object ? "OBJECT" : "BUCKET");
    }
}
