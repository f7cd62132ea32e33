package io.s3multi.admin;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import java.util.Optional;

/**
 * Who the tool is in Keystone: the gateway's s3token settings ({@code auth_url}, {@code service_user},
 * {@code service_password}, {@code service_project}, {@code service_domain}), each replaced by its command-line
 * option ({@code --os-auth-url}, {@code --os-user}, {@code --os-password}, {@code --os-project},
 * {@code --os-domain}) when given. Managing other users' keys needs Keystone's admin role.
 */
record KeystoneLogin(String authUrl, String user, String password, String project, String domain) {

    static KeystoneLogin from(Optional<GatewayConfig> config, Arguments args) {
        Optional<FilterSettings> s3token = config.flatMap(c -> StageSettings.of(c, "s3token"));
        return new KeystoneLogin(pick(args, "os-auth-url", s3token, "auth_url"),
                pick(args, "os-user", s3token, "service_user"),
                pick(args, "os-password", s3token, "service_password"),
                pick(args, "os-project", s3token, "service_project"),
                pick(args, "os-domain", s3token, "service_domain"));
    }

    private static String pick(Arguments args, String option, Optional<FilterSettings> s3token, String setting) {
        return args.option(option).or(() -> s3token.map(s -> s.text(setting)).filter(v -> !v.isEmpty()))
                .orElseThrow(() -> new UsageException("no Keystone " + setting + ": give --" + option
                        + " or a configuration whose pipeline has s3token with filter.s3token." + setting));
    }

    @Override
    public String toString() {
        return "KeystoneLogin[" + user + " in project " + project + " at " + authUrl + "]";
    }
}
