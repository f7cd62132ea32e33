package io.s3multi.s3.access.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.s3multi.s3.access.Requester;
import io.s3multi.s3.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a statement's {@code Principal} (or {@code NotPrincipal}) names. The forms, with an account's canonical id
 * being its Swift account ({@code AUTH_test}):
 * <ul>
 *   <li>{@code "*"} or {@code {"AWS": "*"}}: everyone, anonymous requests included;</li>
 *   <li>{@code {"AWS": "AUTH_test"}}, {@code {"AWS": "arn:aws:iam::AUTH_test:root"}},
 *       {@code {"CanonicalUser": "AUTH_test"}}: every user of that account;</li>
 *   <li>{@code {"AWS": "arn:aws:iam::AUTH_test:user/tester"}}: that user ({@link Requester#userArn()}).</li>
 * </ul>
 * Anything else (roles, services, federated users, wildcards inside an ARN) is {@code MalformedPolicy}
 * "Invalid principal in policy", as AWS answers for a principal it cannot resolve.
 */
final class PrincipalSet {

    private static final String INVALID = "Invalid principal in policy";
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws:iam::([A-Za-z0-9_.-]+):(root|user/[^*?\\s]+)");

    private sealed interface Entry {
    }

    private record Anyone() implements Entry {
    }

    private record Account(String id) implements Entry {
    }

    private record User(String arn) implements Entry {
    }

    private final List<Entry> entries;

    private PrincipalSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static PrincipalSet parse(JsonNode principal) {
        List<Entry> entries = new ArrayList<>();
        if (principal.isTextual()) {
            if (!principal.asText().equals("*")) {
                throw S3Exception.malformedPolicy(INVALID);
            }
            entries.add(new Anyone());
            return new PrincipalSet(entries);
        }
        if (!principal.isObject() || principal.isEmpty()) {
            throw S3Exception.malformedPolicy(INVALID);
        }
        for (Map.Entry<String, JsonNode> byType : principal.properties()) {
            List<String> names = PolicyParser.strings(byType.getValue(), "Principal", false);
            switch (byType.getKey()) {
                case "AWS" -> names.forEach(name -> entries.add(aws(name)));
                case "CanonicalUser" -> names.forEach(name -> entries.add(new Account(account(name))));
                default -> throw S3Exception.malformedPolicy(INVALID);
            }
        }
        return new PrincipalSet(entries);
    }

    private static Entry aws(String name) {
        if (name.equals("*")) {
            return new Anyone();
        }
        Matcher arn = IAM_ARN.matcher(name);
        if (arn.matches()) {
            return arn.group(2).equals("root") ? new Account(arn.group(1)) : new User(name);
        }
        return new Account(account(name));
    }

    private static String account(String id) {
        if (!ACCOUNT.matcher(id).matches()) {
            throw S3Exception.malformedPolicy(INVALID);
        }
        return id;
    }

    /** Whether the set names everyone ({@code "*"}). */
    boolean namesEveryone() {
        return entries.stream().anyMatch(Anyone.class::isInstance);
    }

    /** As {@code Principal}: whether the set names the requester, by its account or as the user it is. */
    boolean names(Requester requester) {
        return namesAccount(requester) || namesUser(requester);
    }

    /**
     * As {@code NotPrincipal}: whether the set excludes the requester. Each identity a request carries is checked,
     * the account and then the user (as in AWS, which is why a policy lists the user's account beside the user):
     * only a requester whose every identity the set names is excluded.
     */
    boolean excludes(Requester requester) {
        if (requester instanceof Requester.Anonymous) {
            return namesEveryone();
        }
        return namesAccount(requester) && namesUser(requester);
    }

    private boolean namesAccount(Requester requester) {
        return entries.stream().anyMatch(entry -> entry instanceof Anyone
                || entry instanceof Account account && requester.canonicalId().filter(account.id()::equals).isPresent());
    }

    private boolean namesUser(Requester requester) {
        return entries.stream().anyMatch(entry -> entry instanceof Anyone
                || entry instanceof User user && requester.userArn().filter(user.arn()::equals).isPresent());
    }
}
