package io.s3multi.s3.contract;

import io.s3multi.s3.request.PartNumbers;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of everything a multipart upload stores in {@code <bucket>_segments}: the one place that knows
 * them (see the package comment for the picture), and the content types of the claim and sub-manifest objects
 * (those of markers and parts: {@link UploadInfo}, {@link PartContentType}).
 *
 * <p>Marker names must list, in Swift's UTF-8 byte order, exactly in S3's order: by key, then by
 * initiation time. A plain {@code uploads/<key>/<id>} fails that as soon as one key is a prefix of
 * another ({@code a} and {@code a/b}: {@code a/<id>} and {@code a/b/<id>} interleave by the id's first
 * byte). So the key is followed by a separator smaller than every byte a key can continue with:
 * {@code U+0001 U+0001}. A key may itself hold {@code U+0001} (Swift refuses only {@code U+0000}), so
 * that byte is escaped as {@code U+0001 U+0002} — greater than the separator, smaller than every other
 * byte — which keeps the encoding order-preserving and prefix-preserving: a key prefix encodes to a
 * prefix of the encoded key, so S3's {@code prefix} becomes a Swift {@code prefix} unchanged in meaning.
 *
 * <p>Part segment names must list by part number, and within a part by attempt, oldest first:
 * {@code parts/<upload id>/<nnnnn>/<attempt>}, the number zero-padded to 5 digits and the attempt time-ordered
 * ({@link PartAttempt}). Every attempt to upload a part writes a name of its own, so no request ever writes over or
 * deletes another's segment. The name {@code parts/<upload id>/<nnnnn>} without attempt is the previous layout's;
 * it sorts before every attempt of its part (a prefix sorts first) and is read as the part's oldest attempt, so
 * uploads begun before an upgrade still list, complete and abort. Everything of one upload's parts, in either
 * layout, is under {@link #partsPrefix}.
 *
 * <p>Object Lock keeps nothing here: a version's lock is reserved metadata of the version itself
 * ({@link ObjectLockState}), so no prefix of {@code <bucket>_segments} holds lock state. What a locked multipart
 * version names here (its parts, sub-manifests) stays as long as the version does: every path that deletes segments
 * does so only after the version that names them is gone, and a locked version is not deleted.
 */
public final class SegmentsLayout {

    /** Added to a bucket name to name the container of its uploads; S3 bucket names cannot hold {@code _}. */
    public static final String CONTAINER_SUFFIX = "_segments";
    public static final String UPLOADS = "uploads/";
    public static final String PARTS = "parts/";
    public static final String MANIFESTS = "manifests/";
    public static final String CLAIMS = "claims/";
    public static final String PROCESSING = "processing/";
    public static final String ABORTS = "aborts/";

    /** The content type of a claim ({@link #claim}). */
    public static final String CLAIM_CONTENT_TYPE = "application/x-s3multi-claim";
    /** The content type of a sub-manifest ({@link #subManifest}). */
    public static final String SUB_MANIFEST_CONTENT_TYPE = "application/x-s3multi-manifest";

    /** The content type of an abort's trace ({@link #abortTrace(UploadId)}). */
    public static final String ABORT_TRACE_CONTENT_TYPE = "application/x-s3multi-aborted";

    /** {@code <level>-<index, 5 digits>} after {@code manifests/<upload id>/}. */
    private static final Pattern SUB_MANIFEST_NAME = Pattern.compile("[1-9][0-9]?-[0-9]{5}");
    /** The token after {@code aborts/<upload id>/}: 32 lower-case hex digits. */
    private static final Pattern ABORT_TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final char ESCAPE = '\u0001';
    private static final char ESCAPED_ESCAPE = '\u0002';
    private static final String SEPARATOR = "\u0001\u0001";
    /**
     * Greater than every upload id and attempt character, so {@code <key>SEP~} sorts after every upload of the
     * key and {@code <nnnnn>/~} after every attempt of a part.
     */
    private static final String AFTER_EVERY_ID = "~";
    /** U+10FFFF, the greatest code point: a marker after every name that continues a given prefix. */
    private static final String AFTER_EVERY_CONTINUATION = new String(Character.toChars(Character.MAX_CODE_POINT));

    private SegmentsLayout() {
    }

    public static String container(String bucket) {
        return bucket + CONTAINER_SUFFIX;
    }

    /** {@code uploads/<escaped key><SEP><upload id>}: the marker object of one upload. */
    public static String marker(String key, UploadId uploadId) {
        return UPLOADS + escape(key) + SEPARATOR + uploadId.value();
    }

    /** The listing prefix of the markers of every key that starts with {@code keyPrefix}. */
    public static String markerPrefix(String keyPrefix) {
        return UPLOADS + escape(keyPrefix == null ? "" : keyPrefix);
    }

    /** The listing marker that starts after every upload of {@code key} (S3 {@code key-marker} alone). */
    public static String afterKey(String key) {
        return UPLOADS + escape(key) + SEPARATOR + AFTER_EVERY_ID;
    }

    /** The listing marker that starts after every upload of every key that starts with {@code keyPrefix}. */
    public static String afterKeyPrefix(String keyPrefix) {
        return UPLOADS + escape(keyPrefix) + AFTER_EVERY_CONTINUATION;
    }

    /** The key and upload id a marker name stands for; empty for any other name. */
    public static Optional<MarkerName> parseMarker(String name) {
        int idStart = name.length() - UploadId.LENGTH;
        int separatorStart = idStart - SEPARATOR.length();
        if (!name.startsWith(UPLOADS) || separatorStart < UPLOADS.length()
                || !name.startsWith(SEPARATOR, separatorStart)
                || !UploadId.isWellFormed(name.substring(idStart))) {
            return Optional.empty();
        }
        String escapedKey = name.substring(UPLOADS.length(), separatorStart);
        return unescape(escapedKey).map(key -> new MarkerName(key, new UploadId(name.substring(idStart))));
    }

    /** A marker name taken apart. */
    public record MarkerName(String key, UploadId uploadId) {
    }

    /** {@code parts/<upload id>/}: the listing prefix of one upload's parts. */
    public static String partsPrefix(UploadId uploadId) {
        return PARTS + uploadId.value() + "/";
    }

    /**
     * {@code parts/<upload id>/<part number, 5 digits>/<attempt>}: the segment of one attempt to upload a part.
     * Every UploadPart and UploadPartCopy writes a name of its own, so no request ever writes over, or deletes,
     * the segment of another (see {@link PartAttempt}).
     */
    public static String part(UploadId uploadId, int partNumber, PartAttempt attempt) {
        return legacyPart(uploadId, partNumber) + "/" + attempt.value();
    }

    /**
     * {@code parts/<upload id>/<part number, 5 digits>}: the one segment of a part in the layout before attempts
     * had names of their own. Still read (uploads begun before an upgrade list, complete and abort), never written.
     */
    public static String legacyPart(UploadId uploadId, int partNumber) {
        return partsPrefix(uploadId) + pad(PartNumbers.requireValid(partNumber));
    }

    /**
     * The listing marker after which the parts greater than {@code partNumber} follow (0: from the first): past
     * the part's legacy name and every attempt of it ({@code ~} is greater than every attempt character).
     */
    public static String partsAfter(UploadId uploadId, int partNumber) {
        return partNumber <= 0 ? null : partsPrefix(uploadId) + pad(partNumber) + "/" + AFTER_EVERY_ID;
    }

    /**
     * The part number and attempt a segment name stands for (the attempt is {@code null} for a legacy name);
     * empty for names that are not parts of this upload.
     */
    public static Optional<PartName> parsePart(UploadId uploadId, String name) {
        String prefix = partsPrefix(uploadId);
        int digitsEnd = prefix.length() + 5;
        if (!name.startsWith(prefix) || name.length() < digitsEnd) {
            return Optional.empty();
        }
        String digits = name.substring(prefix.length(), digitsEnd);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int number = Integer.parseInt(digits);
        if (number < PartNumbers.MIN || number > PartNumbers.MAX) {
            return Optional.empty();
        }
        if (name.length() == digitsEnd) {
            return Optional.of(new PartName(number, null));
        }
        if (name.charAt(digitsEnd) != '/' || !PartAttempt.isWellFormed(name.substring(digitsEnd + 1))) {
            return Optional.empty();
        }
        return Optional.of(new PartName(number, new PartAttempt(name.substring(digitsEnd + 1))));
    }

    /** A part segment's name taken apart; {@code attempt} is {@code null} for a name of the legacy layout. */
    public record PartName(int number, PartAttempt attempt) {
    }

    /** {@code manifests/<upload id>/}: the listing prefix of one upload's nested sub-manifests. */
    public static String manifestsPrefix(UploadId uploadId) {
        return MANIFESTS + uploadId.value() + "/";
    }

    /** {@code manifests/<upload id>/<level>-<index, 5 digits>}: one sub-manifest of a nested object. */
    public static String subManifest(UploadId uploadId, int level, int index) {
        return manifestsPrefix(uploadId) + level + "-" + pad(index);
    }

    /** {@code claims/<upload id>}: who finishes the upload (Complete or Abort) and what it answered. */
    public static String claim(UploadId uploadId) {
        return CLAIMS + uploadId.value();
    }

    /**
     * {@code parts/<upload id>/patching}: exists while a tus PATCH writes the upload's next parts (the claim of
     * {@code io.s3multi.s3.tus.PatchLocks}, as {@link #claim} is for Complete and Abort). It is no part (the part
     * parsers skip it) and lives under {@link #partsPrefix}, so whatever deletes the parts deletes a forgotten one.
     */
    public static String patchClaim(UploadId uploadId) {
        return partsPrefix(uploadId) + "patching";
    }

    /**
     * {@code processing/<upload id>}: the state of the processing steps an upload passes before it is published
     * (JSON, see {@code io.s3multi.s3.processing.ProcessingRecord}); deleted with the marker once published, kept
     * with the verdict when a step rejected the upload.
     */
    public static String processing(UploadId uploadId) {
        return PROCESSING + uploadId.value();
    }

    /**
     * {@code aborts/<upload id>}: the trace of the abort that deleted the upload's parts, written (by whatever aborts
     * it: Abort, tus termination, lifecycle, the admin tool, a processing step's delete verdict, the sweeper, or a
     * Complete rolling back) before the marker goes, so that a Complete which finds the marker gone behind its
     * manifest can tell an abort (it rolls back) from another Complete that finished (it keeps the object). One name
     * per upload, read by name (a HEAD, answered by the object servers), never through a listing, which may lag.
     * Every abort that writes it deletes the parts, so it is never withdrawn; removed by the orphan sweeper once
     * older than its grace period, or by Swift's object expirer.
     */
    public static String abortTrace(UploadId uploadId) {
        return ABORTS + uploadId.value();
    }

    /**
     * {@code aborts/<upload id>/}: the listing prefix of the previous release's traces ({@link #abortTrace(UploadId,
     * String)}).
     */
    public static String abortTracesPrefix(UploadId uploadId) {
        return ABORTS + uploadId.value() + "/";
    }

    /**
     * {@code aborts/<upload id>/<token>}: the trace the previous release wrote, one per abort ({@code token}: 32 hex
     * digits), found through a listing. Never written nor read by a Complete since {@link #abortTrace(UploadId)};
     * still recognised, so the sweeper removes those left in Swift.
     */
    public static String abortTrace(UploadId uploadId, String token) {
        if (!ABORT_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("not an abort token: " + token);
        }
        return abortTracesPrefix(uploadId) + token;
    }

    /**
     * The listing marker after every name that continues {@code name} within the layout: after an upload's
     * {@link #partsPrefix}, {@link #manifestsPrefix}, {@link #abortTracesPrefix} or {@link #claim}, the next upload's names follow.
     */
    public static String afterEveryNameOf(String name) {
        return name + AFTER_EVERY_ID;
    }

    /** What a name in {@code <bucket>_segments} is, by the layout above. */
    public enum Kind { MARKER, PART, SUB_MANIFEST, CLAIM, PROCESSING, ABORT_TRACE }

    /**
     * A name of {@code <bucket>_segments} taken apart: what it is, and the upload it belongs to ({@code key} is set
     * for a marker only: no other name carries the key).
     */
    public record SegmentName(Kind kind, UploadId uploadId, String key) {
    }

    /**
     * What {@code name} is by this layout; empty for every name this gateway does not write (the sweeper leaves such
     * names alone).
     */
    public static Optional<SegmentName> parse(String name) {
        if (name.startsWith(UPLOADS)) {
            return parseMarker(name).map(m -> new SegmentName(Kind.MARKER, m.uploadId(), m.key()));
        }
        if (name.startsWith(CLAIMS) || name.startsWith(PROCESSING)) {
            boolean claim = name.startsWith(CLAIMS);
            String id = name.substring(claim ? CLAIMS.length() : PROCESSING.length());
            return UploadId.isWellFormed(id) ? Optional.of(new SegmentName(claim ? Kind.CLAIM : Kind.PROCESSING,
                    new UploadId(id), null)) : Optional.empty();
        }
        Kind kind = name.startsWith(PARTS) ? Kind.PART : name.startsWith(MANIFESTS) ? Kind.SUB_MANIFEST
                : name.startsWith(ABORTS) ? Kind.ABORT_TRACE : null;
        int idStart = kind == Kind.PART ? PARTS.length() : kind == Kind.ABORT_TRACE ? ABORTS.length()
                : MANIFESTS.length();
        int idEnd = idStart + UploadId.LENGTH;
        if (kind == Kind.ABORT_TRACE && name.length() == idEnd && UploadId.isWellFormed(name.substring(idStart))) {
            return Optional.of(new SegmentName(kind, new UploadId(name.substring(idStart)), null));
        }
        if (kind == null || name.length() <= idEnd || name.charAt(idEnd) != '/'
                || !UploadId.isWellFormed(name.substring(idStart, idEnd))) {
            return Optional.empty();
        }
        UploadId uploadId = new UploadId(name.substring(idStart, idEnd));
        boolean wellFormed = switch (kind) {
            case PART -> parsePart(uploadId, name).isPresent();
            case ABORT_TRACE -> ABORT_TOKEN.matcher(name.substring(idEnd + 1)).matches();
            default -> SUB_MANIFEST_NAME.matcher(name.substring(idEnd + 1)).matches();
        };
        return wellFormed ? Optional.of(new SegmentName(kind, uploadId, null)) : Optional.empty();
    }

    static String pad(int number) {
        return String.format("%05d", number);
    }

    static String escape(String key) {
        if (key.indexOf(ESCAPE) < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            out.append(c);
            if (c == ESCAPE) {
                out.append(ESCAPED_ESCAPE);
            }
        }
        return out.toString();
    }

    static Optional<String> unescape(String escaped) {
        if (escaped.indexOf(ESCAPE) < 0) {
            return Optional.of(escaped);
        }
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            out.append(c);
            if (c == ESCAPE) {
                if (i + 1 >= escaped.length() || escaped.charAt(i + 1) != ESCAPED_ESCAPE) {
                    return Optional.empty();
                }
                i++;
            }
        }
        return Optional.of(out.toString());
    }
}
