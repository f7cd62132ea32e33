package io.s3multi.s3.lifecycle.run;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.ObjectHandler;
import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.lifecycle.LifecycleRule;
import io.s3multi.s3.lifecycle.LifecycleRules;
import io.s3multi.s3.multipart.CompletionHandler;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a bucket's lifecycle rules ({@code io.s3multi.s3.lifecycle}) once over the bucket, in two phases:
 * <ol>
 *   <li><b>versions</b>: Swift's versions listing of the bucket's container (a plain bucket lists each key once),
 *       key by key; {@link KeyVerdicts} decides, and every delete runs through the S3 DeleteObject code
 *       ({@link OwnerCalls}): expiring a current version deletes the key (with its segments on a plain bucket; a
 *       delete marker on a versioned one), a noncurrent version or an expired delete marker is deleted by version
 *       id. A current version is expired only if a HEAD shows it is still the one listed (a newer write since the
 *       listing is left alone).</li>
 *   <li><b>uploads</b>: the upload markers in {@code <bucket>_segments}; an upload a rule's
 *       {@code AbortIncompleteMultipartUpload} has expired is aborted by the S3 AbortMultipartUpload code (claim,
 *       marker, parts and sub-manifests).</li>
 * </ol>
 * A refusal of those paths (Object Lock, an upload another request is finishing, a key deleted meanwhile) skips
 * that item, logged. The position (phase and last key or marker) is saved every {@value #SAVE_EVERY} items, and a
 * run that loses its lease returns at the next page; a finished run clears it. Swift requests wait for the pacer:
 * one turn per listing page, HEAD, and per delete or abort (which make a few requests each). A dry run lists and
 * decides, records what it would do, and changes nothing.
 *
 * <p>The configuration is read once per run from where PutBucketLifecycleConfiguration stored it; a bucket without
 * one costs that one read.
 */
public final class LifecycleJob implements BucketJob {

    /** The name of the job: its lease is {@code leases/lifecycle}. */
    public static final String NAME = "lifecycle";

    static final int PAGE = 1000;
    static final int SAVE_EVERY = 100;
    /** Swift's newest possible version id: as a version marker it continues after a key's null version. */
    private static final String AFTER_NULL = "9999999999.99999";
    private static final String VERSIONS = "versions:";
    private static final String UPLOADS = "uploads:";
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleJob.class);

    private final LifecycleLookup.Source configurations;
    private final LifecycleDays days;
    private final ObjectHandler objects;
    private final CompletionHandler uploads;

    /**
     * @param configurations where buckets' configurations are stored (the bucket registry's {@code lifecycle})
     * @param day            the length of a lifecycle day (86,400 s; tests use seconds)
     * @param multipart      the gateway's multipart settings (an abort waits for a claim as the gateway's does)
     */
    public LifecycleJob(LifecycleLookup.Source configurations, java.time.Duration day, MultipartSettings multipart) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.days = new LifecycleDays(day);
        this.objects = new ObjectHandler(S3ApiSettings.defaults());
        this.uploads = new CompletionHandler(multipart, () -> {
            throw new IllegalStateException("lifecycle never completes an upload");
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        work.pacer().awaitTurn();
        List<LifecycleRule> rules = rules(work.bucket());
        if (rules.isEmpty()) {
            return;
        }
        String position = work.checkpoint().position().orElse(VERSIONS);
        String account = accountOf(work);
        Run run = new Run(work, new OwnerCalls(work.owner(), account, work.clock()), rules);
        if (position.startsWith(VERSIONS) && needsVersions(rules)
                && !run.versions(emptyToNull(position.substring(VERSIONS.length())))) {
            return;
        }
        String uploadsFrom = position.startsWith(UPLOADS) ? emptyToNull(position.substring(UPLOADS.length())) : null;
        if (rules.stream().anyMatch(rule -> rule.abortDays().isPresent()) && !run.uploads(uploadsFrom)) {
            return;
        }
        work.checkpoint().clear();
    }

    private List<LifecycleRule> rules(String bucket) throws SwiftException {
        Optional<byte[]> stored = configurations.read(bucket);
        if (stored.isEmpty()) {
            return List.of();
        }
        try {
            return LifecycleRules.parse(stored.get()).enabled();
        } catch (RuntimeException unreadable) {
            LOG.warn("bucket {}: its stored lifecycle configuration is not valid; nothing done: {}", bucket,
                    unreadable.toString());
            return List.of();
        }
    }

    private static boolean needsVersions(List<LifecycleRule> rules) {
        return rules.stream().anyMatch(rule -> rule.expiresCurrent() || rule.noncurrentDays().isPresent()
                || rule.expiredObjectDeleteMarker());
    }

    private static String accountOf(BucketWork work) throws SwiftException {
        String path = work.owner().storageUrl().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** One run over one bucket. */
    private final class Run {

        private final BucketWork work;
        private final OwnerCalls calls;
        private final KeyVerdicts verdicts;
        private final List<LifecycleRule> rules;
        private int sinceSaved;

        Run(BucketWork work, OwnerCalls calls, List<LifecycleRule> rules) {
            this.work = work;
            this.calls = calls;
            this.rules = rules;
            this.verdicts = new KeyVerdicts(rules, days);
        }

        /** @return false when the lease was lost (the position is saved) */
        boolean versions(String afterKey) throws SwiftException, InterruptedException {
            String marker = afterKey;
            String versionMarker = null;
            List<VersionEntry> key = new ArrayList<>();
            while (true) {
                if (!work.stillLeased()) {
                    return false;
                }
                work.pacer().awaitTurn();
                String from = marker;
                String fromVersion = versionMarker;
                Optional<List<VersionEntry>> page = S3Failures.unlessNotFound(() -> work.owner().containers()
                        .listVersions(work.bucket(), ListingQuery.all().withMarker(from).withLimit(PAGE), fromVersion)
                        .entries());
                if (page.isEmpty()) {
                    return true;   // the bucket is gone
                }
                for (VersionEntry entry : page.get()) {
                    if (!key.isEmpty() && !key.get(0).name().equals(entry.name())) {
                        finishKey(key);
                    }
                    key.add(entry);
                }
                if (page.get().size() < PAGE) {
                    break;
                }
                VersionEntry last = page.get().get(PAGE - 1);
                marker = last.name();
                versionMarker = VersionEntry.NULL_VERSION.equals(last.versionId()) ? AFTER_NULL : last.versionId();
            }
            if (!key.isEmpty()) {
                finishKey(key);
            }
            return true;
        }

        private void finishKey(List<VersionEntry> key) throws SwiftException, InterruptedException {
            for (KeyVerdicts.Verdict verdict : verdicts.decide(key, work.clock().instant(), this::tags)) {
                act(verdict);
            }
            saveNowAndThen(VERSIONS + key.get(0).name());
            key.clear();
        }

        private void act(KeyVerdicts.Verdict verdict) throws SwiftException, InterruptedException {
            VersionEntry version = verdict.version();
            boolean current = verdict.kind() == KeyVerdicts.Verdict.Kind.EXPIRE_CURRENT;
            String action = current ? "expire" : version.isDeleteMarker() ? "delete-marker" : "delete-version";
            String reason = "rule " + verdict.ruleId() + ": " + verdict.reason() + " (version " + version.versionId()
                    + ")";
            if (work.dryRun()) {
                work.log().record(work.bucket(), version.name(), action, reason, false);
                return;
            }
            if (current && !stillCurrent(version)) {
                LOG.info("lifecycle: {}/{} changed since it was listed; left for the next run", work.bucket(),
                        version.name());
                return;
            }
            String query = current ? "" : "versionId=" + OwnerCalls.encode(version.versionId());
            if (perform(calls.delete(work.bucket(), version.name(), query), objects::deleteObject)) {
                work.log().record(work.bucket(), version.name(), action, reason, true);
            }
        }

        /** Whether the key's current version is still the one listed (same Swift timestamp). */
        private boolean stillCurrent(VersionEntry listed) throws SwiftException, InterruptedException {
            work.pacer().awaitTurn();
            Optional<String> timestamp = S3Failures.unlessNotFound(() -> work.owner().objects()
                    .head(work.bucket(), listed.name(), SwiftHeaders.empty()).header("X-Timestamp"));
            return timestamp.map(value -> Math.abs(timestampMicros(value) - micros(listed.lastModified())) < 10)
                    .orElse(false);
        }

        /** @return false when the S3 code refused (logged) */
        private boolean perform(S3Call call, java.util.function.Function<S3Call, ?> operation)
                throws InterruptedException {
            work.pacer().awaitTurn();
            try {
                operation.apply(call);
                return true;
            } catch (S3Exception refused) {
                LOG.info("lifecycle: {} {}/{}?{} refused, skipped: {}", call.request().method(), call.bucket(),
                        call.key(), call.request().head().rawQuery(), refused.toString());
                return false;
            }
        }

        private Map<String, String> tags(VersionEntry version) throws SwiftException {
            SwiftHeaders headers = VersionEntry.NULL_VERSION.equals(version.versionId())
                    ? work.owner().objects().head(work.bucket(), version.name(), SwiftHeaders.empty()).headers()
                    : work.owner().objects().headVersion(work.bucket(), version.name(), version.versionId(),
                            SwiftHeaders.empty()).headers();
            TagSet tags = StoredTags.ofObject(headers);
            return tags.tags().stream().collect(Collectors.toMap(TagSet.Tag::key, TagSet.Tag::value));
        }

        /** @return false when the lease was lost (the position is saved) */
        boolean uploads(String afterMarker) throws SwiftException, InterruptedException {
            String container = SegmentsLayout.container(work.bucket());
            String marker = afterMarker;
            while (true) {
                if (!work.stillLeased()) {
                    return false;
                }
                work.pacer().awaitTurn();
                ListingQuery query = ListingQuery.all().withPrefix(SegmentsLayout.UPLOADS).withMarker(marker)
                        .withLimit(PAGE);
                Optional<List<ObjectEntry>> page = S3Failures.unlessNotFound(
                        () -> work.owner().containers().listObjects(container, query).entries());
                if (page.isEmpty()) {
                    return true;   // no upload was ever made in this bucket
                }
                for (ObjectEntry entry : page.get()) {
                    abortIfExpired(entry);
                    saveNowAndThen(UPLOADS + entry.name());
                }
                if (page.get().size() < PAGE) {
                    return true;
                }
                marker = page.get().get(PAGE - 1).name();
            }
        }

        private void abortIfExpired(ObjectEntry marker) throws InterruptedException {
            Optional<SegmentsLayout.MarkerName> upload = SegmentsLayout.parseMarker(marker.name());
            if (upload.isEmpty() || UploadInfo.isFinishedMarker(marker.contentType())) {
                return;
            }
            String key = upload.get().key();
            Instant now = work.clock().instant();
            for (LifecycleRule rule : rules) {
                if (rule.abortDays().isEmpty() || !rule.filter().mayMatch(key)) {
                    continue;
                }
                Instant due = days.after(upload.get().uploadId().initiated(), rule.abortDays().getAsInt());
                if (due.isAfter(now)) {
                    continue;
                }
                String reason = "rule " + rule.id() + ": upload " + upload.get().uploadId().value()
                        + " initiated " + upload.get().uploadId().initiated() + ", to be aborted on " + due;
                if (work.dryRun()) {
                    work.log().record(work.bucket(), key, "abort-upload", reason, false);
                } else if (perform(calls.delete(work.bucket(), key, "uploadId=" + upload.get().uploadId().value()),
                        uploads::abortMultipartUpload)) {
                    work.log().record(work.bucket(), key, "abort-upload", reason, true);
                }
                return;
            }
        }

        private void saveNowAndThen(String position) throws SwiftException {
            if (++sinceSaved >= SAVE_EVERY) {
                work.checkpoint().save(position);
                sinceSaved = 0;
            }
        }
    }

    private static long timestampMicros(String xTimestamp) {
        return new java.math.BigDecimal(xTimestamp.strip()).movePointRight(6).longValue();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
