package io.s3multi.admin;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.UploadAbort;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code uploads list} and {@code uploads abort --older-than D [--dry-run]}, over every bucket of the registry (or
 * {@code --bucket B}, {@code --account A}). An abort is the gateway's own ({@link UploadAbort}): the upload's claim,
 * then its marker, parts and sub-manifests, so a Complete or Abort at work on a gateway is respected (its claim is
 * taken over only after {@code claimTimeout}, the gateways' {@code filter.s3multi.claim_timeout}).
 */
record UploadsCommand(GatewaySetup gateway, Terminal terminal, Clock clock, Duration claimTimeout) {

    int list(Optional<String> bucket, Optional<String> account) throws SwiftException {
        Instant now = clock.instant();
        terminal.out().println("account\tbucket\tkey\tupload_id\tinitiated\tage\tparts\tbytes");
        Progress progress = terminal.progress("buckets");
        for (BucketDirectory.Bucket each : gateway.buckets().buckets(bucket, account)) {
            for (OpenUpload upload : OpenUpload.of(each, gateway.account(each.account()))) {
                terminal.out().println(line(upload, now));
            }
            progress.step(each.name());
        }
        progress.done();
        return 0;
    }

    /** Aborts (or in a dry run, names) every open upload initiated more than {@code olderThan} ago. */
    int abort(Duration olderThan, boolean dryRun, Optional<String> bucket, Optional<String> account)
            throws SwiftException {
        Instant now = clock.instant();
        UploadAbort aborts = UploadAbort.withOwnLocks(claimTimeout);
        Progress progress = terminal.progress("buckets");
        int aborted = 0;
        int failed = 0;
        for (BucketDirectory.Bucket each : gateway.buckets().buckets(bucket, account)) {
            var owner = gateway.account(each.account());
            for (OpenUpload upload : OpenUpload.of(each, owner)) {
                if (upload.age(now).compareTo(olderThan) <= 0) {
                    continue;
                }
                if (dryRun) {
                    terminal.out().println("would abort\t" + line(upload, now));
                    continue;
                }
                try {
                    aborts.abort(owner, each.name(), upload.key(), upload.uploadId(), clock);
                    terminal.out().println("aborted\t" + line(upload, now));
                    aborted++;
                } catch (S3Exception gone) {
                    // Finished or aborted by someone else meanwhile: nothing of it is ours to remove.
                    terminal.err().println("not aborted: " + line(upload, now) + ": " + gone.getMessage());
                    failed++;
                }
            }
            progress.step(each.name());
        }
        progress.done();
        terminal.err().println((dryRun ? "dry run: nothing changed" : aborted + " aborted")
                + (failed > 0 ? ", " + failed + " finished by others meanwhile" : ""));
        return 0;
    }

    private static String line(OpenUpload upload, Instant now) {
        return upload.bucket().account() + "\t" + upload.bucket().name() + "\t" + upload.key() + "\t"
                + upload.uploadId().value() + "\t" + upload.initiated() + "\t" + Ages.format(upload.age(now)) + "\t"
                + upload.parts() + "\t" + upload.bytes();
    }
}
