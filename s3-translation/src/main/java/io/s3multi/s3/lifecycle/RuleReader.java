package io.s3multi.s3.lifecycle;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.AbortIncompleteMultipartUpload;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.Expiration;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.Filter;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.NoncurrentVersionExpiration;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.Rule;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Reads one {@code <Rule>} into a {@link LifecycleRule}, refusing what AWS refuses, with AWS's codes:
 * <ul>
 *   <li>{@code MalformedXML}: no {@code Status}; both {@code Filter} and rule-level {@code Prefix}; a
 *       {@code Filter} with more than one condition outside {@code And}; an empty {@code Expiration}; a date that is
 *       not an ISO 8601 time;</li>
 *   <li>{@code InvalidArgument}: a {@code Status} other than {@code Enabled}/{@code Disabled}; an {@code ID} longer
 *       than 255 characters; days that are not positive; a date that is not midnight UTC; {@code Days} and
 *       {@code Date} together; {@code NewerNoncurrentVersions} outside 1..100; size bounds that admit nothing;</li>
 *   <li>{@code InvalidRequest}: a rule without any action; {@code ExpiredObjectDeleteMarker} with days or a date, or
 *       with a tag filter; {@code AbortIncompleteMultipartUpload} with a tag filter;</li>
 *   <li>{@code InvalidStorageClass}: any {@code Transition} or {@code NoncurrentVersionTransition}. The gateway
 *       stores every object in Swift under one storage class, {@code STANDARD}, so no transition can mean anything.
 *       AWS's own answer for a class a bucket cannot hold is {@code InvalidStorageClass} ("The storage class you
 *       specified is not valid"), the error this gateway already gives for such a class on PutObject; a client then
 *       learns that the class is the problem, where {@code NotImplemented} would suggest the whole API is missing
 *       and {@code InvalidArgument} would name no cause.</li>
 * </ul>
 */
final class RuleReader {

    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_NEWER_NONCURRENT_VERSIONS = 100;

    private RuleReader() {
    }

    static LifecycleRule read(Rule rule) {
        if (rule.id == null || rule.id.isEmpty()) {
            rule.id = UUID.randomUUID().toString();   // AWS, too, names a rule sent without ID
        }
        if (rule.id.length() > MAX_ID_LENGTH) {
            throw S3Exception.invalidArgument("ID", rule.id, "ID length should not exceed allowed limit of "
                    + MAX_ID_LENGTH);
        }
        boolean enabled = status(rule.status);
        rule.allTransitions().stream().findFirst().ifPresent(transition -> {
            throw S3Exception.invalidStorageClass(transition.storageClass == null ? "" : transition.storageClass)
                    .withReason("transition: one storage class (STANDARD) only");
        });
        RuleFilter filter = filter(rule);
        Expiration expiration = rule.expiration;
        OptionalInt days = OptionalInt.empty();
        Optional<Instant> date = Optional.empty();
        boolean markers = false;
        if (expiration != null) {
            if (expiration.days == null && expiration.date == null && expiration.expiredObjectDeleteMarker == null) {
                throw S3Exception.malformedXml();
            }
            days = positive(expiration.days, "Days", "Expiration");
            date = Optional.ofNullable(expiration.date).map(RuleReader::midnight);
            if (days.isPresent() && date.isPresent()) {
                throw S3Exception.invalidArgument("Expiration", "Days and Date",
                        "Only one of Days or Date may be specified in an Expiration action");
            }
            markers = Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker);
            if (expiration.expiredObjectDeleteMarker != null && (days.isPresent() || date.isPresent())) {
                throw S3Exception.invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Days or Date in"
                        + " a Lifecycle Expiration Policy.");
            }
            if (markers && filter.needsTags()) {
                throw S3Exception.invalidRequest("ExpiredObjectDeleteMarker cannot be specified with Tags.");
            }
        }
        NoncurrentVersionExpiration noncurrent = rule.noncurrentVersionExpiration;
        OptionalInt noncurrentDays = noncurrent == null ? OptionalInt.empty()
                : positive(noncurrent.noncurrentDays, "NoncurrentDays", "NoncurrentVersionExpiration");
        if (noncurrent != null && noncurrentDays.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        int newer = noncurrent == null || noncurrent.newerNoncurrentVersions == null ? 0
                : newerVersions(noncurrent.newerNoncurrentVersions);
        AbortIncompleteMultipartUpload abort = rule.abortIncompleteMultipartUpload;
        OptionalInt abortDays = abort == null ? OptionalInt.empty()
                : positive(abort.daysAfterInitiation, "DaysAfterInitiation", "AbortIncompleteMultipartUpload");
        if (abort != null && abortDays.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        if (abortDays.isPresent() && filter.needsTags()) {
            throw S3Exception.invalidRequest("AbortIncompleteMultipartUpload cannot be specified with Tags.");
        }
        if (expiration == null && noncurrent == null && abort == null) {
            throw S3Exception.invalidRequest("At least one action needs to be specified in a rule");
        }
        return new LifecycleRule(rule.id, enabled, filter, days, date, markers, noncurrentDays, newer, abortDays);
    }

    private static boolean status(String status) {
        if (status == null) {
            throw S3Exception.malformedXml();
        }
        return switch (status) {
            case "Enabled" -> true;
            case "Disabled" -> false;
            default -> throw S3Exception.invalidArgument("Status", status,
                    "Status must be either Enabled or Disabled");
        };
    }

    private static RuleFilter filter(Rule rule) {
        if (rule.filter != null && rule.prefix != null) {
            throw S3Exception.malformedXml();
        }
        if (rule.filter == null) {
            return rule.prefix == null ? RuleFilter.EVERYTHING
                    : new RuleFilter(rule.prefix, Map.of(), null, null);
        }
        Filter filter = rule.filter;
        int conditions = conditions(filter) + (filter.and == null ? 0 : 1);
        if (conditions > 1) {
            throw S3Exception.malformedXml();
        }
        if (filter.and != null) {
            if (filter.and.and != null) {
                throw S3Exception.malformedXml();
            }
            filter = filter.and;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : filter.tags) {
            if (tag.key == null || tag.key.isEmpty() || tags.put(tag.key, tag.value == null ? "" : tag.value)
                    != null) {
                throw S3Exception.invalidArgument("Tag", String.valueOf(tag.key), tag.key == null ? "Tag key missing"
                        : "Duplicate Tag Keys are not allowed.");
            }
        }
        Long above = filter.objectSizeGreaterThan;
        Long below = filter.objectSizeLessThan;
        if (above != null && above < 0 || below != null && below <= 0
                || above != null && below != null && above >= below) {
            throw S3Exception.invalidArgument("ObjectSizeGreaterThan", String.valueOf(above),
                    "ObjectSizeGreaterThan must be less than ObjectSizeLessThan, and both must be positive");
        }
        return new RuleFilter(filter.prefix == null ? "" : filter.prefix, tags, above, below);
    }

    private static int conditions(Filter filter) {
        return (filter.prefix == null ? 0 : 1) + filter.tags.size() + (filter.objectSizeGreaterThan == null ? 0 : 1)
                + (filter.objectSizeLessThan == null ? 0 : 1);
    }

    private static OptionalInt positive(Integer days, String element, String action) {
        if (days == null) {
            return OptionalInt.empty();
        }
        if (days <= 0) {
            throw S3Exception.invalidArgument(element, days.toString(), "'" + element + "' for " + action
                    + " action must be a positive integer");
        }
        return OptionalInt.of(days);
    }

    private static int newerVersions(int newer) {
        if (newer < 1 || newer > MAX_NEWER_NONCURRENT_VERSIONS) {
            throw S3Exception.invalidArgument("NewerNoncurrentVersions", Integer.toString(newer),
                    "NewerNoncurrentVersions must be between 1 and " + MAX_NEWER_NONCURRENT_VERSIONS);
        }
        return newer;
    }

    /** An ISO 8601 date and time (or date alone) that must be midnight UTC, as AWS requires. */
    private static Instant midnight(String raw) {
        Instant date;
        try {
            date = raw.strip().length() == 10 ? java.time.LocalDate.parse(raw.strip()).atStartOfDay()
                    .toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException notADate) {
            throw S3Exception.malformedXml();
        }
        if (date.getEpochSecond() % 86_400 != 0 || date.getNano() != 0) {
            throw S3Exception.invalidArgument("Date", raw, "'Date' must be at midnight GMT");
        }
        return date;
    }
}
