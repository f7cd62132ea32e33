package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.tagging.TagScope;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.xml.documents.Tagging;
import io.s3multi.swift.SwiftReply;
import java.util.Objects;

/**
 * Get/Put/DeleteBucketTagging: a bucket's tags are reserved metadata of its container ({@link StoredTags}), so every
 * gateway in front of the same Swift sees the same tags, and they outlive any gateway. A container POST changes
 * only the metadata it names, so setting or removing tags touches nothing else the container holds.
 *
 * <p>An empty tag set, put or after a delete, is no tag set: GetBucketTagging answers {@code 404 NoSuchTagSet}.
 */
public final class BucketTagging {

    private final BucketPresence presence;

    public BucketTagging(BucketPresence presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    public S3Response get(S3Call call) {
        TagSet tags = StoredTags.ofContainer(presence.require(call).headers());
        if (tags.isEmpty()) {
            throw S3Exception.noSuchTagSet(call.bucket());
        }
        return S3Response.xml(tags.toDocument());
    }

    /** 204, as S3 answers. */
    public S3Response put(S3Call call) {
        SwiftReply container = presence.require(call);
        Tagging body = ConfigurationBody.read(call, Tagging.class).orElseThrow(S3Exception::malformedXml);
        TagSet tags = TagSet.fromDocument(body, TagScope.BUCKET);
        StoredTags.requireRoomOnContainer(container.headers(), tags);
        store(call, tags);
        return S3Response.noContent();
    }

    /** 204, also when the bucket had no tags. */
    public S3Response delete(S3Call call) {
        presence.require(call);
        store(call, TagSet.empty());
        return S3Response.noContent();
    }

    private void store(S3Call call, TagSet tags) {
        presence.onBucket(call, () -> call.swift().containers().post(call.bucket(),
                StoredTags.containerHeaders(tags)));
    }
}
