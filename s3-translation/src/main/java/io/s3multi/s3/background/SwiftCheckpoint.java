package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/** A job's checkpoint on one bucket: the object {@code checkpoints/<job>} of the bucket's registry record. */
final class SwiftCheckpoint implements Checkpoint {

    private final WorkRecords records;
    private final String bucket;
    private final String job;
    private final SharePacer pacer;

    SwiftCheckpoint(WorkRecords records, String bucket, String job, SharePacer pacer) {
        this.records = records;
        this.bucket = bucket;
        this.job = job;
        this.pacer = pacer;
    }

    @Override
    public Optional<String> position() throws SwiftException {
        pacer.charge();
        return records.checkpoint(bucket, job);
    }

    @Override
    public void save(String position) throws SwiftException {
        pacer.charge();
        records.saveCheckpoint(bucket, job, position);
    }

    @Override
    public void clear() throws SwiftException {
        pacer.charge();
        records.clearCheckpoint(bucket, job);
    }
}
