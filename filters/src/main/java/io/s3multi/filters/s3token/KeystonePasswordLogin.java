package io.s3multi.filters.s3token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Keystone v3 password login of the gateway's service user, scoped to its project:
 * {@code POST /v3/auth/tokens?nocatalog}; the token is the {@code X-Subject-Token} header, its expiry
 * {@code token.expires_at}. The catalog is not asked for: the Swift URL is configured ({@code swift_url}).
 */
record KeystonePasswordLogin(KeystoneHttp http, S3TokenConfig config) implements ServiceLogin {

    @Override
    public ServiceToken login() throws KeystoneUnavailableException, KeystoneRefusalException {
        ObjectNode body = KeystoneHttp.object();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", config.serviceUser());
        user.putObject("domain").put("id", config.serviceDomain());
        user.put("password", config.servicePassword());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", config.serviceProject());
        project.putObject("domain").put("id", config.serviceDomain());

        KeystoneHttp.Answer answer = http.post("/auth/tokens?nocatalog", body, null);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new KeystoneRefusalException(answer.status(), "Keystone refused the login of service user "
                    + config.serviceUser() + ": " + answer.status() + " " + answer.json().path("error").path("message"));
        }
        JsonNode expires = answer.json().path("token").path("expires_at");
        if (answer.subjectToken() == null || !expires.isTextual()) {
            throw new KeystoneUnavailableException("Keystone's login answer has no X-Subject-Token or expires_at");
        }
        try {
            return new ServiceToken(answer.subjectToken(), Instant.parse(expires.asText()));
        } catch (DateTimeParseException e) {
            throw new KeystoneUnavailableException("Keystone's token expiry is not a timestamp: " + expires, e);
        }
    }
}
