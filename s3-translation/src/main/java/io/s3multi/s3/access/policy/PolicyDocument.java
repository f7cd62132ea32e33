package io.s3multi.s3.access.policy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A bucket policy as {@link PolicyParser} read it: its statements and its text as the client sent it. Evaluation
 * is AWS's: a matching {@code Deny} decides, else a matching {@code Allow}, else the policy says nothing.
 */
final class PolicyDocument implements BucketPolicy {

    private final String text;
    private final List<PolicyStatement> statements;
    private final Clock clock;

    PolicyDocument(String text, List<PolicyStatement> statements, Clock clock) {
        this.text = Objects.requireNonNull(text, "text");
        this.statements = List.copyOf(statements);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PolicyVerdict evaluate(PolicyRequest request) {
        ConditionKeys keys = new ConditionKeys(request, clock.instant());
        boolean allowed = false;
        for (PolicyStatement statement : statements) {
            if (statement.effect() == PolicyStatement.Effect.DENY || !allowed) {
                if (statement.appliesTo(request, keys)) {
                    if (statement.effect() == PolicyStatement.Effect.DENY) {
                        return PolicyVerdict.DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? PolicyVerdict.ALLOW : PolicyVerdict.NONE;
    }

    @Override
    public boolean isPublic() {
        return statements.stream().anyMatch(PublicStatements::isPublic);
    }

    @Override
    public String text() {
        return text;
    }

    List<PolicyStatement> statements() {
        return statements;
    }
}
