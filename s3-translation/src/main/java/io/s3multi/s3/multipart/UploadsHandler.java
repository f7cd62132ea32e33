package io.s3multi.s3.multipart;

import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.lock.LockHeaders;
import io.s3multi.s3.lock.NewVersionLock;
import io.s3multi.s3.access.acl.AclRequest;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.s3.request.ObjectKeys;
import io.s3multi.s3.xml.documents.InitiateMultipartUploadResult;
import io.s3multi.s3.xml.documents.ListMultipartUploadsResult;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations on a bucket's uploads as a whole: CreateMultipartUpload ({@code POST /b/k?uploads}) and
 * ListMultipartUploads ({@code GET /b?uploads}).
 */
public final class UploadsHandler {

    private static final String[] INHERITED_CONTAINER_HEADERS = {"X-Storage-Policy", "X-Container-Read",
            "X-Container-Write"};

    private final MultipartSettings settings;
    private final AclWriteRules aclRules;
    private final KnownUploads known;

    public UploadsHandler(MultipartSettings settings) {
        this(settings, AclWriteRules.NONE);
    }

    /** @param aclRules what the buckets' settings let an upload's ACL ({@code x-amz-acl}, {@code x-amz-grant-*}) be */
    public UploadsHandler(MultipartSettings settings, AclWriteRules aclRules) {
        this(settings, aclRules, new KnownUploads());
    }

    /** @param known where a new upload is remembered, so that its parts need not read its marker first */
    UploadsHandler(MultipartSettings settings, AclWriteRules aclRules, KnownUploads known) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.aclRules = Objects.requireNonNull(aclRules, "aclRules");
        this.known = Objects.requireNonNull(known, "known");
    }

    /**
     * Stores the upload's marker. The first upload of a bucket creates {@code <bucket>_segments} with the
     * bucket's storage policy and ACLs, so segments live on the same policy and the same users may write them;
     * later ones bring its ACLs in step with the bucket's again ({@link SegmentsAcl}). The S3 ACL the request asks
     * for is kept on the marker and written onto the object at completion ({@link UploadInfo#acl()}).
     */
    public S3Response createMultipartUpload(S3Call call) {
        String key = ObjectKeys.requireValid(call.key());
        UploadId uploadId = UploadId.newId(call.clock().instant());
        Optional<ObjectLockState> lock = LockHeaders.of(call.request().head(), call.clock().instant());
        UploadInfo upload = CreateUploadRequest.read(call.request().head(), key, uploadId,
                call.identity().displayName(), UploadInitiators.idOf(call.identity()),
                lock.orElse(ObjectLockState.NONE),
                AclRequest.objectHeaders(call, aclRules));
        storeMarker(call, key, uploadId, upload.markerHeaders(), bucket -> {
            if (lock.isPresent() && !BucketLockConfiguration.of(bucket.headers()).enabled()) {
                throw NewVersionLock.missingConfiguration();
            }
        });
        known.remember(call.swift(), call.bucket(), key, uploadId, upload.checksumAlgorithm());
        S3Response response = S3Response.xml(new InitiateMultipartUploadResult(call.bucket(), key, uploadId.value()));
        upload.checksumAlgorithm().ifPresent(algorithm -> response
                .withHeader("x-amz-checksum-algorithm", algorithm.awsName())
                .withHeader("x-amz-checksum-type", upload.checksumType().name()));
        return response;
    }

    /**
     * Stores a new upload's marker in {@code <bucket>_segments}, creating that container on the bucket's first
     * upload (with the bucket's storage policy and ACLs); tus creates its uploads through here too.
     *
     * @param bucketCheck sees the bucket's HEAD before anything is stored, and may refuse by throwing
     */
    public static void storeMarker(S3Call call, String key, UploadId uploadId, SwiftHeaders markerHeaders,
            java.util.function.Consumer<SwiftReply> bucketCheck) {
        String container = SegmentsLayout.container(call.bucket());
        String marker = SegmentsLayout.marker(key, uploadId);
        S3Failures.mapped(SwiftStatusMapper.Target.bucket(call.bucket()), () -> {
            SwiftReply bucket = call.swift().containers().head(call.bucket());
            bucketCheck.accept(bucket);
            boolean stored = S3Failures.unlessNotFound(() -> {
                call.swift().objects().put(container, marker, new byte[0], markerHeaders);
                SegmentsAcl.mirror(call, bucket);
                return true;
            }).isPresent();
            if (!stored) {   // the bucket's first upload: no segments container yet
                call.swift().containers().create(container, inheritedHeaders(bucket));
                call.swift().objects().put(container, marker, new byte[0], markerHeaders);
            }
            return null;
        });
    }

    private static SwiftHeaders inheritedHeaders(SwiftReply bucket) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        for (String name : INHERITED_CONTAINER_HEADERS) {
            if (bucket.header(name) != null) {
                headers.set(name, bucket.header(name));
            }
        }
        return headers.build();
    }

    /** One page of uploads in progress, O(page) listing calls (see {@link UploadsPage}). */
    public S3Response listMultipartUploads(S3Call call) {
        var request = call.request();
        boolean url = ListingParameters.urlEncoding(request);
        int maxUploads = ListingParameters.count(request, "max-uploads", settings.maxUploadsListing(),
                settings.maxUploadsListing());
        String prefix = request.param("prefix").orElse(null);
        String delimiter = request.param("delimiter").orElse(null);
        String keyMarker = request.param("key-marker").orElse(null);
        String uploadIdMarker = keyMarker == null ? null : request.param("upload-id-marker").orElse(null);
        UploadsPage page = maxUploads == 0 ? new UploadsPage(java.util.List.of(), false, 0)
                : readPage(call, new UploadsPage.Request(prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
        ListMultipartUploadsResult result = new ListMultipartUploadsResult(call.bucket())
                .keyMarker(ListingParameters.encode(keyMarker == null ? "" : keyMarker, url))
                .uploadIdMarker(uploadIdMarker == null ? "" : uploadIdMarker)
                .delimiter(ListingParameters.encode(delimiter, url))
                .prefix(ListingParameters.encode(prefix == null ? "" : prefix, url))
                .encodingType(url ? "url" : null)
                .maxUploads(maxUploads)
                .truncated(page.truncated());
        for (UploadsPage.Entry entry : page.entries()) {
            if (entry.isCommonPrefix()) {
                result.addCommonPrefix(ListingParameters.encode(entry.key(), url));
            } else {
                result.addUpload(new ListMultipartUploadsResult.Upload(ListingParameters.encode(entry.key(), url),
                        entry.uploadId().value(), UploadInitiators.initiator(call, entry.initiatorId(),
                        entry.initiator()), UploadInitiators.owner(call, entry.initiatorId()),
                        "STANDARD", entry.initiated()).checksumAlgorithm(entry.checksumAlgorithm()));
            }
        }
        page.last().ifPresent(last -> {
            result.nextKeyMarker(ListingParameters.encode(last.key(), url));
            result.nextUploadIdMarker(last.isCommonPrefix() ? "" : last.uploadId().value());
        });
        return S3Response.xml(result);
    }

    private static UploadsPage readPage(S3Call call, UploadsPage.Request request) {
        String container = SegmentsLayout.container(call.bucket());
        return S3Failures.mapped(SwiftStatusMapper.Target.bucket(call.bucket()), () -> {
            Optional<UploadsPage> page = S3Failures.unlessNotFound(() -> UploadsPage.read(request,
                    query -> call.swift().containers().listObjects(container, query).entries()));
            if (page.isPresent()) {
                return page.get();
            }
            // No segments container: no upload ever, if the bucket exists.
            call.swift().containers().head(call.bucket());
            return new UploadsPage(java.util.List.of(), false, 1);
        });
    }
}
