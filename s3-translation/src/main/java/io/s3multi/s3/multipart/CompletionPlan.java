package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.ObjectChecksum;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.MultipartChecksum;
import io.s3multi.s3.request.PartNumbers;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CompleteMultipartUpload request asks for, checked against the parts Swift holds, with the error AWS
 * gives for each fault, in AWS's order: no part at all ({@code MalformedXML}), a part number out of range
 * ({@code InvalidArgument}), numbers that decrease ({@code InvalidPartOrder}; a repeated number is allowed and its
 * last entry counts, as on AWS), a part of which no attempt
 * is stored with the ETag (and checksum) named ({@code InvalidPart}), a part other than the last below the minimum
 * size ({@code EntityTooSmall}). Of each part it chooses the attempt the client named.
 *
 * @param parts    the chosen parts, in order
 * @param eTag     the object's S3 ETag, {@code md5-of-md5s-N}, unquoted
 * @param checksum the object's checksum as S3 shows it, or empty when the upload has no checksum algorithm
 */
public record CompletionPlan(List<StoredPart> parts, String eTag, Optional<ObjectChecksum> checksum) {

    public CompletionPlan {
        parts = List.copyOf(parts);
    }

    /**
     * @param requested   the parts the body names, in the client's order
     * @param stored      the attempts stored of each part, by number, oldest first
     * @param minPartSize the least size of every part but the last
     * @param upload      the upload's metadata (its checksum algorithm and type)
     */
    public static CompletionPlan check(List<CompleteMultipartUpload.Part> requested,
            Map<Integer, List<StoredPart>> stored, long minPartSize, UploadInfo upload) {
        if (requested.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        List<CompleteMultipartUpload.Part> named = lastOfEachNumber(requested);
        List<StoredPart> chosen = new ArrayList<>(named.size());
        for (CompleteMultipartUpload.Part asked : named) {
            StoredPart part = chosenAttempt(asked, stored.getOrDefault(asked.partNumber(), List.of()));
            if (part == null) {
                throw S3Exception.invalidPart(upload.uploadId().value(), asked.partNumber(),
                        asked.eTag() == null ? "" : asked.eTag());
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            StoredPart part = chosen.get(i);
            if (part.size() < minPartSize) {
                throw S3Exception.entityTooSmall(part.size(), minPartSize, part.number(),
                        MultipartEtag.quote(part.md5Hex()));
            }
        }
        String eTag = MultipartEtag.of(chosen.stream().map(StoredPart::md5Hex).toList());
        return new CompletionPlan(chosen, eTag, objectChecksum(chosen, upload));
    }

    /**
     * The parts named, each number once: numbers must not decrease ({@code InvalidPartOrder}); of a number listed
     * more than once (a client that sent a part again lists it again) the last entry counts, as on AWS.
     */
    private static List<CompleteMultipartUpload.Part> lastOfEachNumber(List<CompleteMultipartUpload.Part> requested) {
        requested.forEach(part -> PartNumbers.requireValid(part.partNumber()));
        List<CompleteMultipartUpload.Part> named = new ArrayList<>(requested.size());
        int previous = 0;
        for (CompleteMultipartUpload.Part part : requested) {
            int number = part.partNumber();
            if (number < previous) {
                throw S3Exception.invalidPartOrder();
            }
            if (number == previous) {
                named.set(named.size() - 1, part);
            } else {
                named.add(part);
            }
            previous = number;
        }
        return named;
    }

    /**
     * The latest attempt whose ETag (and checksums, if named) the client named, or {@code null}. Attempts with the
     * same ETag hold the same bytes: which of them is chosen does not change the object.
     */
    private static StoredPart chosenAttempt(CompleteMultipartUpload.Part asked, List<StoredPart> attempts) {
        String askedEtag = MultipartEtag.normalize(asked.eTag());
        for (int i = attempts.size() - 1; i >= 0; i--) {
            StoredPart attempt = attempts.get(i);
            if (attempt.md5Hex().equals(askedEtag) && checksumsMatch(asked, attempt)) {
                return attempt;
            }
        }
        return null;
    }

    private static boolean checksumsMatch(CompleteMultipartUpload.Part asked, StoredPart part) {
        for (Map.Entry<String, String> claimed : asked.checksums().entrySet()) {
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromAwsName(claimed.getKey());
            if (algorithm.isEmpty() || !claimed.getValue().trim().equals(part.checksumOf(algorithm.get()))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<ObjectChecksum> objectChecksum(List<StoredPart> chosen, UploadInfo upload) {
        if (upload.checksumAlgorithm().isEmpty()) {
            return Optional.empty();
        }
        DigestAlgorithm algorithm = upload.checksumAlgorithm().get();
        ChecksumType type = upload.checksumType();
        List<MultipartChecksum.Part> sums = new ArrayList<>(chosen.size());
        for (StoredPart part : chosen) {
            String base64 = part.checksumOf(algorithm);
            if (base64 == null) {
                throw S3Exception.invalidPart(upload.uploadId().value(), part.number(),
                        MultipartEtag.quote(part.md5Hex()))
                        .withReason("part has no " + algorithm.awsName() + " checksum");
            }
            sums.add(new MultipartChecksum.Part(Base64.getDecoder().decode(base64), part.size()));
        }
        String value = type == ChecksumType.FULL_OBJECT
                ? MultipartChecksum.fullObject(algorithm, sums)
                : MultipartChecksum.composite(algorithm, sums.stream().map(MultipartChecksum.Part::checksum).toList());
        return Optional.of(new ObjectChecksum(algorithm, type, value));
    }
}
