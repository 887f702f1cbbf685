// SPDX-License-Identifier: GPL-3.0-or-later
import java.nio.file.Path;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.sort.RowSorter;
import org.idx.core.sort.SortOrder;
import org.idx.io.delimited.DelimitedTableReader;
import org.idx.io.delimited.ReadResult;

/**
 * Times {@link DelimitedTableReader} on one file: one warm-up read, then the best of RUNS reads;
 * reports rows, columns, the heap held by the table and the time to sort one numeric column.
 * Usage: {@code java -cp ... ReadCsvBench FILE [RUNS]}.
 */
public final class ReadCsvBench {

    private ReadCsvBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long before = usedHeap();
        ReadResult result = DelimitedTableReader.read(file); // warm-up
        long after = usedHeap();
        DataTable table = result.table();
        System.out.printf("rows %d, columns %d, warnings %d%n", table.rowCount(), table.columnCount(),
                result.warnings().size());
        for (Column column : table.columns().subList(0, Math.min(4, table.columnCount()))) {
            System.out.printf("  %s %s%n", column.name(), column.type());
        }
        System.out.printf("heap held by the table: %.0f MB%n", (after - before) / 1e6);
        result = null;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            table = null;
            usedHeap();
            long start = System.nanoTime();
            table = DelimitedTableReader.read(file).table();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  read %d: %.3f s%n", run + 1, seconds);
            best = Math.min(best, seconds);
        }
        System.out.printf("IDX_READ_BEST %.3f%n", best);
        NumericColumn sortBy = (NumericColumn) table.columns().stream().filter(NumericColumn.class::isInstance)
                .findFirst().orElseThrow();
        double bestSort = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            int[] order = RowSorter.sort(sortBy, SortOrder.ASCENDING);
            bestSort = Math.min(bestSort, (System.nanoTime() - start) / 1e9);
            if (order.length != table.rowCount()) {
                throw new AssertionError();
            }
        }
        System.out.printf("IDX_SORT_BEST %.3f (column %s, %d rows)%n", bestSort, sortBy.name(), table.rowCount());
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
