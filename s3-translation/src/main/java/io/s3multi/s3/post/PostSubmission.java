package io.s3multi.s3.post;

import io.s3multi.s3.auth.PostFormSignature;
import io.s3multi.s3.auth.SignedRequest;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * A browser form upload as far as it can be known before its file: the {@link PostForm}, its {@link PostPolicy},
 * and the signature its fields carry ({@link PostFormSignature}). The edge reads it from the request body and
 * verifies the signature with the auth stages' credential stores; the PostObject handler checks the policy and
 * streams the file.
 */
public final class PostSubmission {

    private final PostForm form;
    private final PostPolicy policy;
    private final SignedRequest signature;

    private PostSubmission(PostForm form, PostPolicy policy, SignedRequest signature) {
        this.form = form;
        this.policy = policy;
        this.signature = signature;
    }

    /**
     * Reads the form's fields up to its file, decodes its policy and parses its signature; the file is left to be
     * streamed. An expired policy is refused here, before its signature is verified, with AWS's message.
     *
     * @throws io.s3multi.s3.error.S3Exception    a malformed form or policy
     * @throws io.s3multi.s3.auth.S3AuthException a missing or malformed signature field
     */
    public static PostSubmission read(InputStream body, String contentType, Instant now) {
        PostForm form = PostForm.read(body, contentType);
        PostPolicy policy = form.field("policy").map(PostPolicy::decode).orElse(null);
        if (policy != null) {
            policy.requireUnexpired(now);
        }
        SignedRequest signature = PostFormSignature.of(form::field,
                policy == null ? Instant.EPOCH : policy.expiration()).orElse(null);
        return new PostSubmission(form, policy, signature);
    }

    public PostForm form() {
        return form;
    }

    /** The policy; absent only on an anonymous form that sent none. */
    public Optional<PostPolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** The signature the form's fields carry; empty for an anonymous form. */
    public Optional<SignedRequest> signature() {
        return Optional.ofNullable(signature);
    }

    /**
     * The form's file, to be read once: it throws {@code EntityTooLarge} or {@code EntityTooSmall} before its end
     * when its size is outside the policy's {@code content-length-range}.
     */
    public InputStream file() {
        return new SizeCheckedFile(form.file(), policy == null ? PostPolicy.LengthRange.ANY : policy.lengthRange());
    }
}
