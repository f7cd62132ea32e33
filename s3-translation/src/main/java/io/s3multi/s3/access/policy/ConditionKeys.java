package io.s3multi.s3.access.policy;

import io.s3multi.s3.access.Requester;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of the condition keys one request has, by lower-case name: those the authorizer gathered
 * ({@link PolicyRequest#conditionKeys()}) and those that follow from the request itself, where it did not give them:
 * {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:CurrentTime},
 * {@code aws:EpochTime}.
 */
final class ConditionKeys {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]+:[^\\s,]+");

    private final Map<String, List<String>> values;

    ConditionKeys(PolicyRequest request, Instant now) {
        Map<String, List<String>> all = new HashMap<>();
        request.conditionKeys().forEach((key, keyValues) -> all.put(key.toLowerCase(Locale.ROOT), keyValues));
        Requester requester = request.requester();
        requester.userArn().ifPresent(arn -> all.putIfAbsent("aws:principalarn", List.of(arn)));
        requester.canonicalId().ifPresent(id -> all.putIfAbsent("aws:principalaccount", List.of(id)));
        all.putIfAbsent("aws:principaltype",
                List.of(requester instanceof Requester.Anonymous ? "Anonymous" : "User"));
        all.putIfAbsent("aws:currenttime", List.of(now.truncatedTo(ChronoUnit.SECONDS).toString()));
        all.putIfAbsent("aws:epochtime", List.of(Long.toString(now.getEpochSecond())));
        all.values().removeIf(List::isEmpty);
        this.values = Map.copyOf(all);
    }

    /** Whether a name has the form of a condition key ({@code aws:SourceIp}, {@code s3:ExistingObjectTag/k}). */
    static boolean isWellFormed(String key) {
        return WELL_FORMED.matcher(key).matches();
    }

    /** The request's values of a key (lower-case), empty when it has none. */
    List<String> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** The request's value of a key (lower-case) as a policy variable stands for it: its first. */
    Optional<String> variable(String key) {
        return values(key).stream().findFirst();
    }
}
