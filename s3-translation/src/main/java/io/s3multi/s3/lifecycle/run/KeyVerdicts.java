package io.s3multi.s3.lifecycle.run;

import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleRule;
import io.s3multi.swift.container.VersionEntry;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the lifecycle rules do to one key, given all its versions (a plain bucket lists each key once, as the
 * version {@code null}). Pure: it decides, {@link LifecycleJob} acts.
 *
 * <ul>
 *   <li>The current version (the newest), if not a delete marker, expires once a rule's {@code Expiration} date
 *       (or written + {@code Days}) has passed: {@link Verdict.Kind#EXPIRE_CURRENT}, a DELETE of the key, which on a
 *       versioned bucket writes a delete marker.</li>
 *   <li>A noncurrent version became noncurrent when the next newer version was written; it expires
 *       {@code NoncurrentDays} after that, unless it is one of the {@code NewerNoncurrentVersions} newest noncurrent
 *       versions: {@link Verdict.Kind#DELETE_VERSION}.</li>
 *   <li>A delete marker that is the current version and will be the only version left is removed under a rule with
 *       {@code ExpiredObjectDeleteMarker}: {@link Verdict.Kind#DELETE_VERSION} of the marker.</li>
 * </ul>
 * Tags are read (through {@link Tags}) only for a version a tag-filtered rule could otherwise apply to.
 */
final class KeyVerdicts {

    /** Reads the tags of one version, when a rule needs them. */
    @FunctionalInterface
    interface Tags {
        Map<String, String> of(VersionEntry version) throws SwiftException;
    }

    /** One thing to do. */
    record Verdict(Kind kind, VersionEntry version, String ruleId, String reason) {
        enum Kind { EXPIRE_CURRENT, DELETE_VERSION }
    }

    private final List<LifecycleRule> rules;
    private final LifecycleDays days;

    KeyVerdicts(List<LifecycleRule> rules, LifecycleDays days) {
        this.rules = List.copyOf(rules);
        this.days = days;
    }

    /** @param versions every version of one key, in any order */
    List<Verdict> decide(List<VersionEntry> versions, Instant now, Tags tags) throws SwiftException {
        List<VersionEntry> newestFirst = versions.stream()
                .sorted(Comparator.comparing(VersionEntry::lastModified).reversed()).toList();
        String key = newestFirst.get(0).name();
        List<Verdict> verdicts = new ArrayList<>();
        VersionEntry current = newestFirst.get(0);
        if (!current.isDeleteMarker()) {
            for (LifecycleRule rule : rules) {
                Optional<Instant> expiry = rule.currentExpiry(current.lastModified(), days);
                if (expiry.isPresent() && !expiry.get().isAfter(now) && applies(rule, current, tags)) {
                    verdicts.add(new Verdict(Verdict.Kind.EXPIRE_CURRENT, current, rule.id(), "expired on "
                            + expiry.get()));
                    break;
                }
            }
        }
        int remaining = 0;
        for (int i = 1; i < newestFirst.size(); i++) {
            Optional<Verdict> expired = noncurrentVerdict(newestFirst.get(i), i - 1,
                    newestFirst.get(i - 1).lastModified(), now, tags);
            expired.ifPresent(verdicts::add);
            remaining += expired.isPresent() ? 0 : 1;
        }
        if (current.isDeleteMarker() && remaining == 0) {
            rules.stream().filter(rule -> rule.expiredObjectDeleteMarker() && rule.filter().mayMatch(key))
                    .findFirst().ifPresent(rule -> verdicts.add(new Verdict(Verdict.Kind.DELETE_VERSION, current,
                            rule.id(), "expired object delete marker (no other version left)")));
        }
        return verdicts;
    }

    /**
     * @param newer how many noncurrent versions are newer than this one
     * @param since when it became noncurrent (the next newer version's time)
     */
    private Optional<Verdict> noncurrentVerdict(VersionEntry version, int newer, Instant since, Instant now,
            Tags tags) throws SwiftException {
        for (LifecycleRule rule : rules) {
            if (rule.noncurrentDays().isEmpty() || newer < rule.newerNoncurrentVersions()) {
                continue;
            }
            Instant expiry = days.after(since, rule.noncurrentDays().getAsInt());
            if (!expiry.isAfter(now) && applies(rule, version, tags)) {
                return Optional.of(new Verdict(Verdict.Kind.DELETE_VERSION, version, rule.id(),
                        "noncurrent since " + since + ", expired on " + expiry));
            }
        }
        return Optional.empty();
    }

    private static boolean applies(LifecycleRule rule, VersionEntry version, Tags tags) throws SwiftException {
        if (!rule.filter().mayMatch(version.name())) {
            return false;
        }
        Map<String, String> objectTags = rule.filter().needsTags() && !version.isDeleteMarker()
                ? tags.of(version) : Map.of();
        return rule.filter().matches(version.name(), version.object().bytes(), objectTags);
    }
}
