package io.s3multi.webapp.s3;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The bucket registry of the test gateway (user {@code s3multi:registry}), read and cleaned directly in Swift:
 * which account a bucket name is recorded for, and forgetting test buckets the harness deleted behind the
 * gateway's back.
 */
final class RegistryRecords {

    private RegistryRecords() {
    }

    /** The account recorded for {@code bucket}, or null. */
    static String owner(S3TestGateway gateway, String bucket) throws SwiftException {
        try {
            return registry(gateway).containers().head(bucket).header(RegistryLayout.OWNER_HEADER);
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The document {@code object} (RegistryLayout) kept with the record of {@code bucket}, as text; null if none. */
    static String document(S3TestGateway gateway, String bucket, String object) throws SwiftException, IOException {
        if (!S3TestGateway.objectNames(registry(gateway), bucket).contains(object)) {
            return null;
        }
        try (SwiftResponse stored = registry(gateway).objects().get(bucket, object, SwiftHeaders.empty())) {
            return new String(stored.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Deletes the record of {@code bucket} (with the objects in it), if there is one. */
    static void forget(S3TestGateway gateway, String bucket) {
        S3TestGateway.deleteContainer(registry(gateway), bucket);
    }

    private static SwiftAccount registry(S3TestGateway gateway) {
        return gateway.registry();
    }
}
