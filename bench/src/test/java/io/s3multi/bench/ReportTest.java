package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final long HALF_GIB = 1L << 29;

    @Test
    void theMultipartTableShowsTheProxysCpuPerGibEachWay() {
        // Two repetitions of 512 MiB: 1 GiB each way. The proxy spent 0.6 + 0.8 s up and 1.5 + 1.7 s down.
        List<MultipartSuite.Repetition> reps = List.of(
                repetition(1, cost(1.0, 0.6), cost(0.5, 1.5)),
                repetition(2, cost(1.2, 0.8), cost(0.4, 1.7)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Report(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .multipartTable(Map.of("s3multi", reps), "Multipart");

        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        List<String> header = List.of(lines[2].trim().split("\\s{2,}| (?=px )"));
        List<String> row = List.of(lines[4].trim().split("\\s+"));
        assertEquals("px down", header.get(header.size() - 1));
        assertEquals("px up", header.get(header.size() - 2));
        assertEquals("1.40", row.get(row.size() - 2));
        assertEquals("3.20", row.get(row.size() - 1));
    }

    private static MultipartSuite.Repetition repetition(int number, CostMeter.Cost up, CostMeter.Cost down) {
        return new MultipartSuite.Repetition("s3multi", number, HALF_GIB, 16, 5.0, 5.0, up, down);
    }

    private static CostMeter.Cost cost(double gatewayCpu, double proxyCpu) {
        return new CostMeter.Cost(5.0, gatewayCpu, proxyCpu, 0.3, 1L << 27, 49, 0.1, 100, new long[] {0, 0});
    }
}
