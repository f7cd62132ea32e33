package io.s3multi.filters.s3;

import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The auth stages an unsigned S3 request passed, in pipeline order, each as the question "who signed this?".
 *
 * <p>A browser form upload (PostObject) carries its credentials in the form, which no auth stage reads: each stage
 * it passes adds its credential store here ({@link S3Attributes#FORM_VERIFIERS}), and the edge asks them about
 * the signature it finds in the form, exactly as the stages would have asked about a signed header: tempauth's
 * users, Keystone's EC2 credentials.
 */
public final class FormVerifiers {

    private final List<Function<SignedRequest, Optional<S3Authentication>>> stages = new ArrayList<>();

    /** @param stage the authentication of a signature, empty when the stage does not know its access key */
    public void add(Function<SignedRequest, Optional<S3Authentication>> stage) {
        stages.add(stage);
    }

    /**
     * The authentication of the first stage that knows the signature's access key.
     *
     * @throws S3Exception {@code InvalidAccessKeyId} when none does; a stage's refusal as it is
     *                     ({@code SignatureDoesNotMatch}, ...)
     */
    S3Authentication authenticate(SignedRequest signed) {
        for (Function<SignedRequest, Optional<S3Authentication>> stage : stages) {
            Optional<S3Authentication> known = stage.apply(signed);
            if (known.isPresent()) {
                return known.get();
            }
        }
        throw S3Exception.invalidAccessKeyId(signed.accessKey());
    }
}
