package io.s3multi.webapp.balancer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Which gateway answered each SDK request, told by the suffix of the {@code x-amz-request-id} the answer carries
 * (each test gateway has its own {@code filter.catch_errors.trans_id_suffix}): the client's view of where the
 * balancer sent a request.
 */
final class ServedBy implements ExecutionInterceptor {

    /** One answered request: the SDK's operation name and the gateway whose suffix its request id ends with. */
    record Answer(String operation, String gateway) {
    }

    private final Map<String, String> gatewaysBySuffix;
    private final List<Answer> answers = new ArrayList<>();

    /** @param gatewaysBySuffix gateway names by their transaction id suffixes */
    ServedBy(Map<String, String> gatewaysBySuffix) {
        this.gatewaysBySuffix = Map.copyOf(gatewaysBySuffix);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        String gateway = gatewayOf(context.httpResponse().firstMatchingHeader("x-amz-request-id").orElse(""));
        synchronized (answers) {
            answers.add(new Answer(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), gateway));
        }
    }

    /** The gateway whose suffix {@code requestId} (an {@code x-amz-request-id} or {@code X-Trans-Id}) ends with. */
    String gatewayOf(String requestId) {
        return gatewaysBySuffix.entrySet().stream()
                .filter(entry -> requestId != null && requestId.endsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("unknown (request id '" + requestId + "')");
    }

    /** The gateways that answered {@code operation}, in order, one entry per answer. */
    List<String> gatewaysOf(String operation) {
        synchronized (answers) {
            return answers.stream().filter(answer -> answer.operation().equals(operation))
                    .map(Answer::gateway).toList();
        }
    }

    /** Forgets what it saw. */
    void clear() {
        synchronized (answers) {
            answers.clear();
        }
    }
}
