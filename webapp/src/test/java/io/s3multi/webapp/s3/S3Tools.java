package io.s3multi.webapp.s3;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's S3 tools against a gateway: {@code /usr/bin/aws} (awscli), {@code /usr/bin/python3} with boto3,
 * and {@code /usr/bin/curl}. Each run has a timeout, gets a private environment (no user's {@code ~/.aws}
 * settings leak in), and returns a {@link ToolResult} with exit code and output.
 *
 * <pre>{@code
 * S3Tools tools = new S3Tools(gateway.endpoint(), "test:tester", "testing");
 * tools.aws("s3api", "list-buckets").requireSuccess();
 * tools.boto3("s3 = s3_client(signature_version='s3')\nprint(s3.list_buckets()['Buckets'])");
 * tools.curl("-X", "GET", gateway.uri("/bucket").toString());
 * }</pre>
 */
public final class S3Tools {

    public static final String AWS = "/usr/bin/aws";
    public static final String PYTHON = "/usr/bin/python3";
    public static final String CURL = "/usr/bin/curl";
    public static final String S3CMD = "/usr/bin/s3cmd";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Defined before every boto3 script: {@code ENDPOINT}, {@code ACCESS_KEY}, {@code SECRET_KEY}, {@code REGION},
     * {@code s3_client(**config)}, a path-style boto3 client whose {@code botocore.config.Config} takes
     * {@code config} (e.g. {@code signature_version='s3'}), and {@code expect(condition, *detail)}, which ends the
     * script with exit status 1 when the condition is false: scripts use it, never {@code assert}, which
     * {@code PYTHONOPTIMIZE} removes.
     */
    public static final String BOTO3_PRELUDE = String.join("\n",
            "import os, sys, boto3, botocore.config",
            "ENDPOINT = os.environ['S3_ENDPOINT']",
            "ACCESS_KEY = os.environ['AWS_ACCESS_KEY_ID']",
            "SECRET_KEY = os.environ['AWS_SECRET_ACCESS_KEY']",
            "REGION = os.environ['AWS_DEFAULT_REGION']",
            "def expect(condition, *detail):",
            "    if not condition:",
            "        sys.exit('expectation failed: ' + ' '.join(map(repr, detail)))",
            "def s3_client(**config):",
            "    settings = {'s3': {'addressing_style': 'path'}}",
            "    settings.update(config)",
            "    return boto3.client('s3', endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id=ACCESS_KEY,",
            "                        aws_secret_access_key=SECRET_KEY, config=botocore.config.Config(**settings))",
            "");

    private static final Pattern ASSERT_STATEMENT = Pattern.compile("(?m)^\\s*assert\\b");

    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final Duration timeout;

    public S3Tools(URI endpoint, String accessKey, String secretKey) {
        this(endpoint, accessKey, secretKey, DEFAULT_TIMEOUT);
    }

    public S3Tools(URI endpoint, String accessKey, String secretKey, Duration timeout) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.timeout = timeout;
    }

    /** The same tools with another timeout. */
    public S3Tools withTimeout(Duration newTimeout) {
        return new S3Tools(endpoint, accessKey, secretKey, newTimeout);
    }

    /** {@code aws --endpoint-url <gateway> --region us-east-1 <args>}. */
    public ToolResult aws(String... args) {
        var command = new ArrayList<>(List.of(AWS, "--endpoint-url", endpoint.toString(), "--region",
                S3TestGateway.REGION));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /**
     * {@code s3cmd} with no configuration file: keys, endpoint (path-style, plain HTTP) and region on its command
     * line, as a user's {@code ~/.s3cfg} would give them.
     */
    public ToolResult s3cmd(String... args) {
        String host = endpoint.getHost() + ":" + endpoint.getPort();
        var command = new ArrayList<>(List.of(S3CMD, "-c", "/dev/null", "--access_key=" + accessKey,
                "--secret_key=" + secretKey, "--host=" + host, "--host-bucket=" + host, "--no-ssl",
                "--region=" + S3TestGateway.REGION));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /**
     * {@code python3 -} with {@link #BOTO3_PRELUDE} followed by {@code script} on standard input. A script with an
     * {@code assert} statement is refused: its checks would vanish under {@code PYTHONOPTIMIZE}.
     */
    public ToolResult boto3(String script) {
        if (ASSERT_STATEMENT.matcher(script).find()) {
            throw new IllegalArgumentException("boto3 scripts check with expect(...), not assert: " + script);
        }
        return run(List.of(PYTHON, "-"), BOTO3_PRELUDE + script + "\n");
    }

    /** {@code curl -sS -i <args>}: silent but with errors, response head included in the output. */
    public ToolResult curl(String... args) {
        var command = new ArrayList<>(List.of(CURL, "-sS", "-i", "--max-time", Long.toString(timeout.toSeconds())));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** Runs any command with this tool environment. */
    public ToolResult run(List<String> command, String stdin) {
        Path home = null;
        Path out = null;
        Path err = null;
        Path in = null;
        try {
            home = Files.createTempDirectory("s3tools-home");
            out = Files.createTempFile("s3tools", ".out");
            err = Files.createTempFile("s3tools", ".err");
            var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                in = Files.writeString(Files.createTempFile("s3tools", ".in"), stdin, StandardCharsets.UTF_8);
                builder.redirectInput(in.toFile());
            } else {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("HOME", home.toString());
            env.put("AWS_ACCESS_KEY_ID", accessKey);
            env.put("AWS_SECRET_ACCESS_KEY", secretKey);
            env.put("AWS_DEFAULT_REGION", S3TestGateway.REGION);
            env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
            env.put("AWS_PAGER", "");
            env.put("S3_ENDPOINT", endpoint.toString());
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new ToolResult(String.join(" ", command), finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            for (Path file : new Path[] {out, err, in, home}) {
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(file)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
