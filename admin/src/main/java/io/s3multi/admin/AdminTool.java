package io.s3multi.admin;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineConfigException;
import io.s3multi.swift.error.SwiftException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Reads the command line, runs one command, and answers its exit code: 0 done, 1 failed, 2 not understood. */
final class AdminTool {

    static final String USAGE = String.join("\n",
            "usage: java -jar s3multi-admin.jar [--conf FILE] COMMAND ...",
            "  uploads list [--bucket B] [--account A]            open multipart uploads: age, parts, bytes",
            "  uploads abort --older-than AGE [--dry-run] [--bucket B] [--account A]",
            "                                                     abort uploads older than AGE (7d, 12h, 30m, 45s)",
            "  sweep [--dry-run] [--grace AGE] [--bucket B] [--account A]",
            "                                                     remove what crashes left in <bucket>_segments",
            "  usage [--bucket B] [--account A]                   objects and bytes per bucket, segments included",
            "  keys create --user U --project P                   a new Keystone EC2 key (access and secret)",
            "  keys list [--user U]                               Keystone EC2 keys",
            "  keys revoke ACCESS_KEY                             delete a Keystone EC2 key",
            "  check-config FILE                                  the gateway's startup validation, offline",
            "--conf FILE: the gateway's configuration (else -Ds3multi.conf, else $S3MULTI_CONF), read as the gateway",
            "reads it. keys take Keystone from its s3token settings, or --os-auth-url --os-user --os-password",
            "--os-project --os-domain.");

    private final Terminal terminal;
    private final Clock clock;

    AdminTool(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    int run(String... argv) {
        try {
            Arguments args = Arguments.parse(argv);
            if (args.flag("help") || args.wordCount() == 0) {
                terminal.out().println(USAGE);
                return args.wordCount() == 0 && !args.flag("help") ? 2 : 0;
            }
            return dispatch(args);
        } catch (UsageException e) {
            terminal.err().println("s3multi-admin: " + e.getMessage());
            terminal.err().println(USAGE);
            return 2;
        } catch (PipelineConfigException e) {
            terminal.err().println(e.getMessage());
            return 1;
        } catch (SwiftException | RuntimeException e) {
            terminal.err().println("s3multi-admin: failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminal.err().println("s3multi-admin: interrupted");
            return 1;
        }
    }

    private int dispatch(Arguments args) throws SwiftException, InterruptedException {
        String command = args.requireWord(0, "command");
        switch (command) {
            case "check-config" -> {
                Path file = Path.of(args.requireWord(1, "the configuration file to check"));
                args.refuseWordsAfter(2);
                args.refuseUnread();
                return new CheckConfigCommand(terminal).run(file);
            }
            case "keys" -> {
                return keys(args);
            }
            case "uploads", "sweep", "usage" -> {
                return inSwift(command, args);
            }
            default -> throw new UsageException("unknown command '" + command + "'");
        }
    }

    private int inSwift(String command, Arguments args) throws SwiftException, InterruptedException {
        GatewayConfig config = GatewaySetup.load(args);
        Optional<String> bucket = args.option("bucket");
        Optional<String> account = args.option("account");
        String sub = command.equals("uploads") ? args.requireWord(1, "uploads list|abort") : "";
        boolean dryRun = (command.equals("sweep") || sub.equals("abort")) && args.flag("dry-run");
        Optional<String> olderThan = sub.equals("abort") ? Optional.of(args.requireOption("older-than"))
                : Optional.empty();
        Optional<Duration> grace = command.equals("sweep") ? args.option("grace").map(Ages::parse)
                : Optional.empty();
        args.refuseWordsAfter(command.equals("uploads") ? 2 : 1);
        args.refuseUnread();
        try (GatewaySetup gateway = GatewaySetup.open(config)) {
            return switch (command + " " + sub) {
                case "uploads list" -> new UploadsCommand(gateway, terminal, clock, StageSettings.claimTimeout(config))
                        .list(bucket, account);
                case "uploads abort" -> new UploadsCommand(gateway, terminal, clock, StageSettings.claimTimeout(config))
                        .abort(Ages.parse(olderThan.orElseThrow()), dryRun, bucket, account);
                case "sweep " -> new SweepCommand(gateway, terminal, clock, Sweeper.job(config, grace))
                        .run(dryRun, bucket, account);
                case "usage " -> new UsageCommand(gateway, terminal).run(bucket, account);
                default -> throw new UsageException("unknown command '" + command + " " + sub + "'");
            };
        }
    }

    private int keys(Arguments args) {
        String sub = args.requireWord(1, "keys create|list|revoke");
        Optional<GatewayConfig> config = args.option("conf").isPresent() || System.getProperty("s3multi.conf") != null
                || System.getenv("S3MULTI_CONF") != null ? Optional.of(GatewaySetup.load(args)) : Optional.empty();
        KeystoneLogin login = KeystoneLogin.from(config, args);
        switch (sub) {
            case "create" -> {
                String user = args.requireOption("user");
                String project = args.requireOption("project");
                finish(args, 2);
                KeystoneKeys.Ec2Key key = KeystoneKeys.login(login).create(user, project);
                terminal.out().println("access\tsecret\tuser_id\tproject_id");
                terminal.out().println(key.access() + "\t" + key.secret() + "\t" + key.userId() + "\t"
                        + key.projectId());
                return 0;
            }
            case "list" -> {
                Optional<String> user = args.option("user");
                finish(args, 2);
                terminal.out().println("access\tuser_id\tproject_id");
                for (KeystoneKeys.Ec2Key key : KeystoneKeys.login(login).list(user)) {
                    terminal.out().println(key.access() + "\t" + key.userId() + "\t" + key.projectId());
                }
                return 0;
            }
            case "revoke" -> {
                String access = args.requireWord(2, "the access key to revoke");
                finish(args, 3);
                if (!KeystoneKeys.login(login).revoke(access)) {
                    terminal.err().println("no EC2 key " + access);
                    return 1;
                }
                terminal.out().println("revoked\t" + access);
                return 0;
            }
            default -> throw new UsageException("unknown command 'keys " + sub + "'");
        }
    }

    private static void finish(Arguments args, int words) {
        args.refuseWordsAfter(words);
        args.refuseUnread();
    }
}
