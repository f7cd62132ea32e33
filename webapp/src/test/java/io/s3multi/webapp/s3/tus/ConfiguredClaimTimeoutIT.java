package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code filter.s3multi.claim_timeout} is the claim timeout of every stage that claims uploads, tus included: with
 * 60 s configured, a PATCH claim that another gateway refreshed 20 s ago (written directly into Swift, as that
 * gateway left it) is still that gateway's. A tus stage that kept to the default 8 s took it over and wrote beside
 * a PATCH that may still be writing.
 */
class ConfiguredClaimTimeoutIT {

    private static final String OTHER_HOLDER = "another gateway's";

    @Test
    void aPatchClaimYoungerThanTheConfiguredTimeoutButOlderThanTheDefaultIsNotTakenOver() throws Exception {
        Properties configuration = TusHttp.configuration();
        configuration.setProperty("filter.s3multi.claim_timeout", "60");
        try (S3TestGateway gateway = S3TestGateway.start(configuration)) {
            String bucket = S3TestGateway.uniqueBucket();
            gateway.s3().createBucket(b -> b.bucket(bucket));
            try {
                TusHttp tus = new TusHttp(gateway.endpoint());
                String url = tus.create(bucket, 4, TusProcessingIT.metadata("held"));
                UploadId uploadId = new UploadId(TusProcessingIT.uploadId(url));
                String container = SegmentsLayout.container(bucket);
                String claim = SegmentsLayout.patchClaim(uploadId);
                gateway.swift().objects().put(container, claim, new byte[0], SwiftHeaders.of(
                        "Content-Type", SegmentsLayout.CLAIM_CONTENT_TYPE,
                        ReservedMetadata.CLAIM_STATE, "PATCHING",
                        ReservedMetadata.CLAIM_TOKEN, OTHER_HOLDER,
                        ReservedMetadata.CLAIM_REFRESHED, Long.toString(System.currentTimeMillis() - 20_000)));

                HttpResponse<String> patch = tus.patch(url, 0, "abcd".getBytes(StandardCharsets.US_ASCII));

                assertEquals(423, patch.statusCode(), patch.body());
                assertEquals(OTHER_HOLDER, gateway.swift().objects().head(container, claim, SwiftHeaders.empty())
                        .header(ReservedMetadata.CLAIM_TOKEN), "the claim is still its holder's");
                assertEquals(0, TusHttp.offset(tus.head(url)), "nothing was written beside its holder");
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }
}
