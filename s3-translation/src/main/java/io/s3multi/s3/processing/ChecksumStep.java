package io.s3multi.s3.processing;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.ObjectChecksum;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.RunningDigest;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads the whole assembled object once and checks it is what the upload claimed: every part's MD5 (its ETag) and
 * its own checksum, and the whole-object checksum of a {@code FULL_OBJECT} upload. A segment replaced or damaged
 * since its part was stored is caught here, before the object is published.
 */
final class ChecksumStep implements Step {

    @Override
    public String name() {
        return ProcessingSettings.CHECKSUM;
    }

    @Override
    public Outcome run(ProcessedUpload upload) throws SwiftException, IOException {
        Optional<ObjectChecksum> whole = upload.checksum().filter(sum -> sum.type() == ChecksumType.FULL_OBJECT);
        RunningDigest wholeDigest = whole.map(sum -> sum.algorithm().newDigest()).orElse(null);
        String[] mismatch = {null};
        AssembledObject.read(upload, new AssembledObject.Reader() {
            private RunningDigest md5;
            private RunningDigest own;

            @Override
            public void startPart(StoredPart part) {
                md5 = DigestAlgorithm.MD5.newDigest();
                own = part.checksum() == null ? null : part.checksum().algorithm().newDigest();
            }

            @Override
            public void bytes(byte[] chunk, int length) {
                md5.update(chunk, 0, length);
                if (own != null) {
                    own.update(chunk, 0, length);
                }
                if (wholeDigest != null) {
                    wholeDigest.update(chunk, 0, length);
                }
            }

            @Override
            public void endPart(StoredPart part) {
                if (mismatch[0] == null && !HexFormat.of().formatHex(md5.finish()).equals(part.md5Hex())) {
                    mismatch[0] = "part " + part.number() + " does not match its MD5";
                }
                if (mismatch[0] == null && own != null
                        && !part.checksum().algorithm().toBase64(own.finish()).equals(part.checksum().base64())) {
                    mismatch[0] = "part " + part.number() + " does not match its " + part.checksum().algorithm()
                            .awsName() + " checksum";
                }
            }
        });
        if (mismatch[0] == null && whole.isPresent()
                && !whole.get().algorithm().toBase64(wholeDigest.finish()).equals(whole.get().value())) {
            mismatch[0] = "the object does not match its " + whole.get().algorithm().awsName() + " checksum";
        }
        return mismatch[0] == null ? Outcome.PASS : Outcome.reject(mismatch[0]);
    }
}
