package io.s3multi.s3.processing;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@code processing_steps}, run in order. Before each step the state in Swift names it; after it
 * passed, the step joins the passed ones; a rejection is recorded with its reason. So a Complete that resumes (after
 * a restart, on another gateway, or retried after a step had no verdict) skips what passed, and a rejected upload
 * keeps answering its rejection. A step without a verdict (clamd unreachable, the webhook failing) leaves the
 * upload unpublished and answers {@code ServiceUnavailable}: the client's retry resumes there.
 */
public final class ConfiguredSteps implements ProcessingSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSteps.class);

    private final List<Step> steps;
    private final boolean deleteRejected;

    public ConfiguredSteps(ProcessingSettings settings) {
        List<Step> configured = new ArrayList<>();
        for (String name : settings.steps()) {
            configured.add(switch (name) {
                case ProcessingSettings.CHECKSUM -> new ChecksumStep();
                case ProcessingSettings.CLAMAV -> new ClamavStep(settings.clamd(), settings.clamdTimeout());
                default -> new WebhookStep(settings.webhookUrl(), settings.webhookAttempts(),
                        settings.webhookBackoff());
            });
        }
        this.steps = List.copyOf(configured);
        this.deleteRejected = settings.deleteRejected();
    }

    /** {@link ProcessingSteps#NONE} when the settings name no step. */
    public static ProcessingSteps of(ProcessingSettings settings) {
        return settings.steps().isEmpty() ? NONE : new ConfiguredSteps(settings);
    }

    @Override
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    @Override
    public ProcessingVerdict process(ProcessedUpload upload) throws SwiftException {
        UploadId uploadId = upload.upload().uploadId();
        ProcessingRecord record = ProcessingRecord.read(upload.swift(), upload.bucket(), uploadId);
        if (record.status().state() == ProcessingStatus.State.REJECTED) {
            return new ProcessingVerdict(deleteRejected ? ProcessingVerdict.Decision.REJECT_DELETE
                    : ProcessingVerdict.Decision.REJECT_KEEP, record.status().step(), record.status().reason());
        }
        for (Step step : steps) {
            if (record.passed().contains(step.name())) {
                continue;
            }
            record = record.working(step.name());
            record.write(upload.swift(), upload.bucket(), uploadId);
            Step.Outcome outcome = run(step, upload);
            if (!outcome.passed()) {
                boolean delete = outcome.delete() == null ? deleteRejected : outcome.delete();
                LOG.info("processing step {} rejected upload {} of {}/{}: {}", step.name(), uploadId,
                        upload.bucket(), upload.upload().key(), outcome.reason());
                record.ended(ProcessingStatus.State.REJECTED, step.name(), outcome.reason())
                        .write(upload.swift(), upload.bucket(), uploadId);
                return new ProcessingVerdict(delete ? ProcessingVerdict.Decision.REJECT_DELETE
                        : ProcessingVerdict.Decision.REJECT_KEEP, step.name(), outcome.reason());
            }
            record = record.passedStep(step.name());
            record.write(upload.swift(), upload.bucket(), uploadId);
        }
        return ProcessingVerdict.publish();
    }

    private static Step.Outcome run(Step step, ProcessedUpload upload) throws SwiftException {
        try {
            return step.run(upload);
        } catch (IOException e) {
            LOG.warn("processing step {} had no verdict on upload {} of {}/{}: {}", step.name(),
                    upload.upload().uploadId(), upload.bucket(), upload.upload().key(), e.toString());
            throw S3Exception.serviceUnavailable().withReason("processing step " + step.name()
                    + " had no verdict: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw S3Exception.serviceUnavailable().withReason("interrupted during processing step " + step.name());
        }
    }

    @Override
    public ProcessingStatus status(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        return ProcessingRecord.read(swift, bucket, uploadId).status();
    }

    @Override
    public void published(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        ProcessingRecord.delete(swift, bucket, uploadId);
    }
}
