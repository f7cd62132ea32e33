package io.s3multi.s3.access;

import io.s3multi.s3.operation.S3Identity;
import java.util.Objects;
import java.util.Optional;

/** Who sends an S3 request, as authorization sees it: a user an auth stage vouched for, or nobody. */
public sealed interface Requester {

    /** The requester of an unsigned request. */
    Requester ANONYMOUS = new Anonymous();

    /** A requester an auth stage vouched for. */
    static Requester of(S3Identity identity) {
        return new Known(identity);
    }

    /** The canonical id of the requester's account (its Swift account); empty for an anonymous one. */
    Optional<String> canonicalId();

    /** {@code arn:aws:iam::<account>:user/<user>}; empty for an anonymous requester. */
    Optional<String> userArn();

    /** An unsigned request. */
    record Anonymous() implements Requester {
        @Override
        public Optional<String> canonicalId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> userArn() {
            return Optional.empty();
        }
    }

    /** A user of an account: the account's canonical id is its Swift account. */
    record Known(S3Identity identity) implements Requester {
        public Known {
            Objects.requireNonNull(identity, "identity");
        }

        @Override
        public Optional<String> canonicalId() {
            return Optional.of(identity.ownerId());
        }

        /** The user's name is the display name after its last {@code :} (tempauth's {@code test:tester}). */
        @Override
        public Optional<String> userArn() {
            String name = identity.displayName();
            String user = name.substring(name.lastIndexOf(':') + 1);
            return Optional.of("arn:aws:iam::" + identity.ownerId() + ":user/" + user);
        }
    }
}
