package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/** A job's checkpoint on one bucket: the object {@code checkpoints/<job>} of the bucket's registry record. */
record SwiftCheckpoint(WorkRecords records, String bucket, String job, SharePacer pacer) implements Checkpoint {

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
