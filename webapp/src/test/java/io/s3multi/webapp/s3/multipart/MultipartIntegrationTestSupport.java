package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.slo.ManifestEntry;
import io.s3multi.webapp.s3.S3TestGateway;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the multipart ITs read straight from Swift. */
final class MultipartIntegrationTestSupport {

    private MultipartIntegrationTestSupport() {
    }

    /** The names in {@code <bucket>_segments} of test:tester; empty when the container does not exist. */
    static List<String> segmentNames(S3TestGateway gateway, String bucket) throws SwiftException {
        return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
    }

    /**
     * Every segment the manifest at {@code bucket/key} names, nested manifests included, exists in Swift; returns
     * the names of the leaf segments, sorted (container/object).
     */
    static List<String> assertManifestSegmentsExist(SwiftAccount swift, String container, String manifest)
            throws SwiftException {
        TreeSet<String> leaves = new TreeSet<>();
        for (ManifestEntry entry : swift.largeObjects().getManifest(container, manifest)) {
            String where = entry.path().container() + "/" + entry.path().object();
            try {
                swift.objects().head(entry.path().container(), entry.path().object(), SwiftHeaders.empty());
            } catch (SwiftHttpStatusException e) {
                assertEquals(200, e.status(), "segment " + where + " of " + container + "/" + manifest);
            }
            if (entry.subSlo()) {
                leaves.addAll(assertManifestSegmentsExist(swift, entry.path().container(), entry.path().object()));
            } else {
                leaves.add(where);
            }
        }
        return new ArrayList<>(leaves);
    }
}
