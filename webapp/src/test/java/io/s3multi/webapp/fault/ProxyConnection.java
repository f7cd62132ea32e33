package io.s3multi.webapp.fault;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection from the gateway: reads its requests one after the other and, for each, applies the fault
 * the proxy's rules give, forwarding to Swift on a fresh upstream connection. The request body is pumped on a
 * second thread while the response is read, so {@code Expect: 100-continue} and early answers work.
 */
final class ProxyConnection implements Runnable {

    private final FaultProxy proxy;
    private final Socket client;

    ProxyConnection(FaultProxy proxy, Socket client) {
        this.proxy = proxy;
        this.client = client;
    }

    @Override
    public void run() {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean open = true;
            while (open) {
                HttpHead request = HttpHead.read(in);
                if (request == null) {
                    return;
                }
                open = exchange(request, in, out);
            }
        } catch (IOException | InterruptedException | RuntimeException ended) {
            // the gateway, Swift or a fault ended the connection: nothing to answer any more
        } finally {
            proxy.untrack(client);
        }
    }

    /** Handles one request; false when the gateway's connection cannot carry another. */
    private boolean exchange(HttpHead request, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        Fault fault = proxy.faultFor(SwiftRequest.of(request));
        switch (fault.kind()) {
            case RESET_BEFORE_FORWARDING -> {
                FaultProxy.reset(client);
                return false;
            }
            case STALL -> {
                proxy.closed().await();
                return false;
            }
            case ANSWER -> {
                return answer(request, fault, in, out);
            }
            case HOLD -> {
                Hold hold = (Hold) fault;
                hold.arrive();
                if (!hold.awaitRelease(proxy.closed())) {
                    return false;
                }
                try {
                    return forward(request, fault, in, out);
                } catch (IOException | RuntimeException failed) {
                    hold.failed();
                    throw failed;
                } finally {
                    hold.end();
                }
            }
            case RENDEZVOUS -> {
                ((Rendezvous) fault).arriveAndWait();
                return forward(request, fault, in, out);
            }
            default -> {
                return forward(request, fault, in, out);
            }
        }
    }

    private boolean answer(HttpHead request, Fault fault, InputStream in, OutputStream out) throws IOException {
        boolean keepAlive = !request.expectsContinue();
        if (keepAlive) {
            BodyRelay.relay(BodyRelay.requestFraming(request), request, in, OutputStream.nullOutputStream());
        }
        int status = (int) fault.bytes();
        boolean own = fault.contentType() != null;
        String body = own ? fault.body() : "<html><h1>Injected " + status + "</h1><p>by the fault proxy</p></html>";
        String head = "HTTP/1.1 " + status + " Injected\r\nContent-Type: "
                + (own ? fault.contentType() : "text/html; charset=UTF-8") + "\r\n"
                + "Content-Length: " + body.length() + "\r\nX-Trans-Id: tx-fault-proxy\r\n"
                + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        out.write((head + body).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return keepAlive;
    }

    private boolean forward(HttpHead request, Fault fault, InputStream in, OutputStream out)
            throws IOException, InterruptedException {
        Socket swift;
        try {
            swift = proxy.connectUpstream();
        } catch (IOException unreachable) {
            FaultProxy.reset(client);
            return false;
        }
        try (swift) {
            OutputStream toSwift = new BufferedOutputStream(proxy.countingToSwift(swift.getOutputStream()));
            request.writeTo(toSwift, "close");
            CompletableFuture<Void> requestBody = pumpRequestBody(request, fault, in, toSwift, swift);
            InputStream fromSwift = new BufferedInputStream(proxy.countingFromSwift(swift.getInputStream()));
            HttpHead response = HttpHead.read(fromSwift);
            while (response != null && response.status() / 100 == 1) {
                response.writeTo(out, null);
                response = HttpHead.read(fromSwift);
            }
            if (response == null) {
                FaultProxy.reset(client);
                return false;
            }
            if (fault instanceof Hold hold) {
                hold.swiftAnswered(response.status());
            }
            BodyRelay.Framing framing = BodyRelay.responseFraming(request, response);
            response.writeTo(out, framing == BodyRelay.Framing.UNTIL_CLOSE ? "close" : null);
            relayResponseBody(request, response, framing, fault, fromSwift, out);
            // A body Swift did not wait for (an early answer) leaves the gateway's connection unusable.
            return framing != BodyRelay.Framing.UNTIL_CLOSE && finished(requestBody);
        } finally {
            proxy.untrack(swift);
        }
    }

    private CompletableFuture<Void> pumpRequestBody(HttpHead request, Fault fault, InputStream in,
            OutputStream toSwift, Socket swift) {
        BodyRelay.Framing framing = BodyRelay.requestFraming(request);
        if (framing == BodyRelay.Framing.NONE) {
            return CompletableFuture.completedFuture(null);
        }
        OutputStream sink = fault.kind() == Fault.Kind.RESET_IN_REQUEST_BODY
                ? new CutAfter(toSwift, fault.bytes()) : toSwift;
        return CompletableFuture.runAsync(() -> {
            try {
                BodyRelay.relay(framing, request, in, sink);
            } catch (CutAfter.Cut cut) {
                FaultProxy.reset(swift);
                FaultProxy.reset(client);
            } catch (IOException broken) {
                FaultProxy.closeQuietly(swift);
            }
        }, proxy.threads());
    }

    private void relayResponseBody(HttpHead request, HttpHead response, BodyRelay.Framing framing, Fault fault,
            InputStream fromSwift, OutputStream out) throws IOException, InterruptedException {
        Fault.Kind kind = fault.kind();
        boolean cuts = kind == Fault.Kind.RESET_IN_RESPONSE_BODY || kind == Fault.Kind.TRUNCATE_RESPONSE_BODY
                || kind == Fault.Kind.STALL_IN_RESPONSE_BODY;
        try {
            BodyRelay.relay(framing, response, fromSwift, cuts ? new CutAfter(out, fault.bytes()) : out);
        } catch (CutAfter.Cut cut) {
            switch (kind) {
                case RESET_IN_RESPONSE_BODY -> FaultProxy.reset(client);
                case TRUNCATE_RESPONSE_BODY -> client.shutdownOutput();
                default -> proxy.closed().await();
            }
            throw cut;
        }
    }

    private static boolean finished(CompletableFuture<Void> requestBody) throws InterruptedException {
        try {
            requestBody.get(1, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException notFinished) {
            return false;
        }
    }
}
