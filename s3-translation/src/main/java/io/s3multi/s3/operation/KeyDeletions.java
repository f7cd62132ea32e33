package io.s3multi.s3.operation;

/**
 * Which keys of a DeleteObjects request the caller may delete. AWS authorizes each key of a multi-object delete
 * on its own ({@code s3:DeleteObject} on {@code arn:aws:s3:::<bucket>/<key>}, {@code s3:DeleteObjectVersion} for a
 * key with a version id): a key refused is an {@code AccessDenied} entry of the answer, the others are deleted.
 * The authorization that allowed the request decides it, from the bucket state it already read, so asking costs
 * no Swift request.
 */
@FunctionalInterface
public interface KeyDeletions {

    /** Every key: a call inside its own account with nothing that could refuse one (tests, background jobs). */
    KeyDeletions ALL = (key, versionId) -> true;

    /**
     * @param key       the key to delete
     * @param versionId the version to delete, or null for the key's current state
     * @return whether the caller may delete it
     */
    boolean allows(String key, String versionId);
}
