package io.s3multi.filters.s3token;

import io.s3multi.s3.auth.SecretAccessKey;

/** What one exchange with Keystone established about an access key, for every request that waited for it. */
sealed interface KeystoneVerdict {

    /** Keystone vouched for the key: who it is, and the secret to verify its requests with. */
    record Vouched(KeystoneUser user) implements KeystoneVerdict {
    }

    /** Keystone does not know the key (404): a later auth stage may. */
    record Unknown() implements KeystoneVerdict {
    }

    /**
     * Keystone refused a signature of the key (401). The secret, read from Keystone, tells any request's wrong
     * signature ({@code SignatureDoesNotMatch}) from a right one. {@code rightSignatureRefused}: Keystone refused a
     * signature that the secret proves right, so the user, its project or its role is disabled
     * ({@code AccessDenied}).
     */
    record Refused(SecretAccessKey secret, boolean rightSignatureRefused) implements KeystoneVerdict {

        @Override
        public String toString() {
            return "Refused[rightSignatureRefused=" + rightSignatureRefused + "]";  // never the secret
        }
    }
}
