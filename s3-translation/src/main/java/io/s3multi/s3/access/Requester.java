package io.s3multi.s3.access;

import java.util.Objects;
import java.util.Optional;

/** Who sends an S3 request, as authorization sees it: a user an auth stage vouched for, or nobody. */
public sealed interface Requester {

    /** The requester of an unsigned request. */
    Requester ANONYMOUS = new Anonymous();

    /**
     * A requester an auth stage vouched for ({@code S3Identity.requester()} makes it from an identity; this package
     * stays below {@code operation}, which uses the ACL model).
     *
     * @param canonicalId the account's canonical id, its Swift account
     * @param displayName the user's display name, e.g. {@code test:tester}
     */
    static Requester of(String canonicalId, String displayName) {
        return new Known(canonicalId, displayName);
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
    record Known(String accountId, String displayName) implements Requester {
        public Known {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(displayName, "displayName");
        }

        @Override
        public Optional<String> canonicalId() {
            return Optional.of(accountId);
        }

        /** The user's name is the display name after its last {@code :} (tempauth's {@code test:tester}). */
        @Override
        public Optional<String> userArn() {
            String user = displayName.substring(displayName.lastIndexOf(':') + 1);
            return Optional.of("arn:aws:iam::" + accountId + ":user/" + user);
        }
    }
}
