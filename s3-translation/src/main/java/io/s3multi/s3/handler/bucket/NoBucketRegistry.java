package io.s3multi.s3.handler.bucket;

import java.util.Optional;

/** {@link BucketRegistry#none()}: records nothing, so every name is free for every account. */
final class NoBucketRegistry implements BucketRegistry {

    static final NoBucketRegistry INSTANCE = new NoBucketRegistry();

    private NoBucketRegistry() {
    }

    @Override
    public Claim claim(String bucket, String account) {
        return Claim.CLAIMED;
    }

    @Override
    public Optional<String> ownerOf(String bucket) {
        return Optional.empty();
    }

    @Override
    public void release(String bucket, String account) {
        // nothing recorded, nothing to forget
    }
}
