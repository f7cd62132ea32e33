package io.s3multi.filters.tempauth;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of tempauth, declared once and parsed once.
 *
 * <p>Users are written as in Swift's tempauth:
 * <pre>
 * filter.tempauth.user_test_tester = testing .admin
 * filter.tempauth.user64_dGVzdA_dGVzdGVy = testing          # base64url account and user, padding dropped
 * </pre>
 * The account is the part between the first and second {@code _} (so it cannot contain {@code _}; use the
 * {@code user64_} form for that), the user is the rest. The value is the key followed by groups
 * ({@code .admin}, {@code .reseller_admin}); anything else (such as Swift's optional storage URL) is refused.
 *
 * @param users              the users by access key ({@code account:user})
 * @param swiftUrl           the Swift proxy whose {@code /auth/v1.0} issues the users' tokens
 * @param allowableClockSkew how far the client's clock may be from ours
 * @param resellerPrefix     prefix of Swift account names ({@code AUTH_} for account {@code test} gives
 *                           {@code AUTH_test})
 */
public record TempAuthConfig(Map<String, TempAuthUser> users, URI swiftUrl, Duration allowableClockSkew,
        String resellerPrefix) {

    static final String USER_PREFIX = "user_";
    static final String USER64_PREFIX = "user64_";
    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The Swift proxy that issues the users' tokens:"
            + " scheme, host and port only.");
    static final Setting<Integer> ALLOWABLE_CLOCK_SKEW = Setting.integer("allowable_clock_skew", "900", 0,
            7 * 24 * 3600, "Seconds the client's clock may differ from the gateway's (signed requests; presigned"
            + " URLs' start).");
    static final Setting<String> RESELLER_PREFIX = Setting.text("reseller_prefix", "AUTH_",
            "Prefix of the users' Swift accounts: account test is AUTH_test.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("tempauth", "S3 users defined here, Swift"
            + " tempauth style. S3 access key <account>:<user>, secret <key>; the gateway gets the user's Swift"
            + " token from swift_url with the same credentials, so every user here must also be a tempauth user of"
            + " that Swift. Unknown access keys are left to later auth stages.", SWIFT_URL, ALLOWABLE_CLOCK_SKEW,
            RESELLER_PREFIX)
            .withFamily(USER_PREFIX, "user_<account>_<user> = <key> [.admin] [.reseller_admin]", "A user.")
            .withFamily(USER64_PREFIX, "user64_<base64url account>_<base64url user> = <key> [...]",
                    "A user whose names contain '_'.");

    private static final Set<String> GROUPS = Set.of(".admin", ".reseller_admin");

    public TempAuthConfig {
        users = Map.copyOf(users);
        Objects.requireNonNull(swiftUrl, "swiftUrl");
        Objects.requireNonNull(allowableClockSkew, "allowableClockSkew");
        Objects.requireNonNull(resellerPrefix, "resellerPrefix");
    }

    static TempAuthConfig from(FilterSettings settings) {
        var users = new LinkedHashMap<String, TempAuthUser>();
        var problems = new ArrayList<String>();
        settings.withPrefix(USER_PREFIX).forEach((name, value) -> {
            String rest = name.substring(USER_PREFIX.length());
            int underscore = rest.indexOf('_');
            if (underscore <= 0 || underscore == rest.length() - 1) {
                problems.add(settings.key(name) + ": write user_<account>_<user>");
                return;
            }
            add(users, problems, settings.key(name), rest.substring(0, underscore), rest.substring(underscore + 1),
                    value);
        });
        settings.withPrefix(USER64_PREFIX).forEach((name, value) -> {
            String[] parts = name.substring(USER64_PREFIX.length()).split("_", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                problems.add(settings.key(name) + ": write user64_<base64url account>_<base64url user>");
                return;
            }
            try {
                add(users, problems, settings.key(name), base64(parts[0]), base64(parts[1]), value);
            } catch (IllegalArgumentException e) {
                problems.add(settings.key(name) + ": not base64url (" + e.getMessage() + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int skewSeconds = ALLOWABLE_CLOCK_SKEW.read(settings);
        String prefix = RESELLER_PREFIX.read(settings);
        return new TempAuthConfig(users, settings.swiftUrl(SWIFT_URL), Duration.ofSeconds(skewSeconds),
                prefix.isEmpty() || prefix.endsWith("_") ? prefix : prefix + "_");
    }

    private static void add(Map<String, TempAuthUser> users, List<String> problems, String settingKey,
            String account, String user, String value) {
        List<String> words = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        if (words.isEmpty()) {
            problems.add(settingKey + ": no key");
            return;
        }
        Set<String> groups = new HashSet<>();
        for (String word : words.subList(1, words.size())) {
            if (!GROUPS.contains(word)) {
                problems.add(settingKey + ": '" + word + "' is not one of " + GROUPS);
                return;
            }
            groups.add(word);
        }
        var entry = new TempAuthUser(account, user, words.get(0), groups);
        if (users.putIfAbsent(entry.accessKey(), entry) != null) {
            problems.add(settingKey + ": user " + entry.accessKey() + " is defined twice");
        }
    }

    private static String base64(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TempAuthConfig[users=" + users.keySet() + ", swiftUrl=" + swiftUrl + ", allowableClockSkew="
                + allowableClockSkew + ", resellerPrefix=" + resellerPrefix + "]";
    }
}
