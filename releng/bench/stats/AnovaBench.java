// SPDX-License-Identifier: GPL-3.0-or-later
import java.util.Random;

import org.idx.stats.AnovaAnalysis;
import org.idx.stats.AnovaReport;

/**
 * Times the full {@code anova} report on generated data: ROWS rows in GROUPS groups (normal values
 * with group-dependent mean and spread, 1% NA), arguments {@code [rows] [groups] [repeats]}.
 */
public final class AnovaBench {

    private AnovaBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Random random = new Random(42);
        double[] values = new double[rows];
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
            int g = random.nextInt(groups);
            labels[i] = String.format("group%02d", g);
            values[i] = random.nextInt(100) == 0 ? Double.NaN
                    : 100 + g * 0.05 + (1 + (g % 5) * 0.1) * random.nextGaussian();
        }
        for (int run = 1; run <= repeats; run++) {
            System.gc();
            long start = System.nanoTime();
            AnovaReport report = AnovaAnalysis.run(values, labels, 0.05);
            report.toMap();
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("run %d: %.2f s for %,d rows in %d groups (%d pairs), decision %s/%s, "
                    + "heap used %d MB of %d MB%n", run, seconds, report.nTotal(), report.nGroups(),
                    report.nGroups() * (report.nGroups() - 1) / 2, report.decision().test().id(),
                    report.decision().posthoc().id(),
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20);
        }
    }
}
