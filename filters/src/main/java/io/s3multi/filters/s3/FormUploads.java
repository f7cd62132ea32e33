package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.post.PostSubmission;
import io.s3multi.s3.request.S3Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The edge's part in a browser form upload (PostObject), which no auth stage vouches for because its credentials
 * are in the body: reads the form up to its file ({@link PostSubmission}) and verifies the form's signature with
 * the auth stages the request passed ({@link FormVerifiers}); the form then goes to the handler as the call's
 * body ({@link RequestBodySource#postForm()}).
 */
final class FormUploads {

    private FormUploads() {
    }

    /** The form of a PostObject request, read up to its file; empty for any other request. */
    static Optional<PostSubmission> read(HttpServletRequest request, S3Operation operation, ClientConnection client,
            Clock clock) {
        if (operation != S3Operation.POST_OBJECT) {
            return Optional.empty();
        }
        return Optional.of(PostSubmission.read(client.watch(new DeferredServletInput(request)),
                request.getContentType(), clock.instant()));
    }

    /**
     * Who signed the form, as the auth stages tell; empty for an anonymous form.
     *
     * @throws S3Exception {@code InvalidAccessKeyId}, {@code SignatureDoesNotMatch}, ... as an auth stage would
     */
    static Optional<S3Authentication> authenticate(HttpServletRequest request, PostSubmission form) {
        if (form.signature().isEmpty()) {
            return Optional.empty();
        }
        FormVerifiers verifiers = S3Attributes.FORM_VERIFIERS.find(request)
                .orElseThrow(() -> S3Exception.invalidAccessKeyId(form.signature().get().accessKey()));
        S3Authentication authentication = verifiers.authenticate(form.signature().get());
        PipelineAttributes.USER.set(request, authentication.identity().displayName());
        return Optional.of(authentication);
    }

    /** The call's body: the form, whose file the handler streams. */
    static RequestBodySource body(PostSubmission form) {
        return new RequestBodySource() {
            @Override
            public RequestBody open(Set<DigestAlgorithm> alsoCompute) {
                throw new IllegalStateException("a form upload's body is its form");
            }

            @Override
            public Optional<PostSubmission> postForm() {
                return Optional.of(form);
            }
        };
    }
}
