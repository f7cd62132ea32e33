package io.s3multi.webapp.balancer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The HAProxy configuration that {@code docs/OPERATIONS.md} tells operators to use (its one {@code haproxy} code
 * block), turned into one that runs on loopback in a test. Only what belongs to the host changes: the
 * {@code global} section (chroot, user, syslog socket, daemon mode) is replaced by a minimal one that logs to
 * standard error, the {@code bind} lines (TLS on port 443) become one plain loopback port, and each
 * {@code server} line gets a test gateway's address. Every other line (timeouts, balancing, health check,
 * reuse, forwarding) is used as documented, so the test proves the documented setup.
 */
final class DocumentedHaproxyConfig {

    /** The document, relative to the webapp module (where failsafe runs). */
    static final Path DOCUMENT = Path.of("..", "docs", "OPERATIONS.md");

    private static final String BLOCK_START = "```haproxy";
    private static final String BLOCK_END = "```";
    private static final String TEST_GLOBAL = """
            global
                log stderr format raw local0
                maxconn 256
            """;

    private final List<String> lines;

    private DocumentedHaproxyConfig(List<String> lines) {
        this.lines = lines;
    }

    /** Reads the one {@code haproxy} block of the document. */
    static DocumentedHaproxyConfig read() throws IOException {
        List<String> document = Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8);
        int start = document.indexOf(BLOCK_START);
        if (start < 0 || document.lastIndexOf(BLOCK_START) != start) {
            throw new IllegalStateException(DOCUMENT + " must have exactly one " + BLOCK_START + " block");
        }
        int end = document.subList(start + 1, document.size()).indexOf(BLOCK_END);
        if (end < 0) {
            throw new IllegalStateException("the " + BLOCK_START + " block of " + DOCUMENT + " does not end");
        }
        return new DocumentedHaproxyConfig(List.copyOf(document.subList(start + 1, start + 1 + end)));
    }

    /** The configuration exactly as documented. */
    String asWritten() {
        return String.join("\n", lines) + "\n";
    }

    /** The documented configuration with its host parts replaced: listening on {@code frontendPort}. */
    String forLoopback(int frontendPort, List<Integer> gatewayPorts) {
        var out = new StringBuilder(TEST_GLOBAL);
        Iterator<Integer> gateways = gatewayPorts.iterator();
        boolean inGlobal = false;
        boolean bound = false;
        for (String line : lines) {
            String trimmed = line.strip();
            if (!line.startsWith(" ") && !trimmed.isEmpty()) {
                inGlobal = trimmed.equals("global");
            }
            if (inGlobal) {
                continue;
            }
            if (trimmed.startsWith("bind ")) {
                if (!bound) {
                    out.append("    bind 127.0.0.1:").append(frontendPort).append('\n');
                    bound = true;
                }
                continue;
            }
            if (trimmed.startsWith("server ")) {
                out.append(serverLine(trimmed, gateways)).append('\n');
                continue;
            }
            out.append(line).append('\n');
        }
        if (!bound || gateways.hasNext()) {
            throw new IllegalStateException("the documented configuration needs a bind line and a server line per"
                    + " gateway (" + gatewayPorts.size() + "):\n" + String.join("\n", lines));
        }
        return out.toString();
    }

    /** {@code server gw1 10.0.0.11:8080 [options]} with the address of the next test gateway. */
    private static String serverLine(String documented, Iterator<Integer> gateways) {
        String[] words = documented.split("\\s+");
        if (!gateways.hasNext()) {
            throw new IllegalStateException("more server lines than test gateways: " + documented);
        }
        List<String> replaced = new ArrayList<>(List.of(words));
        replaced.set(2, "127.0.0.1:" + gateways.next());
        return "    " + String.join(" ", replaced);
    }
}
