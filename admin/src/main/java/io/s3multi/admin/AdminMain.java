package io.s3multi.admin;

import java.time.Clock;

/** {@code java -jar s3multi-admin.jar ...}: see {@link AdminTool#USAGE} and docs/ADMIN.md. */
public final class AdminMain {

    private AdminMain() {
    }

    public static void main(String[] args) {
        Terminal terminal = new Terminal(System.out, System.err, System.console() != null);
        // exit explicitly: stage filters created by check-config may have started non-daemon threads
        System.exit(new AdminTool(terminal, Clock.systemUTC()).run(args));
    }
}
