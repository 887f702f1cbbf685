// SPDX-License-Identifier: GPL-3.0-or-later
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.ImageStoreFactory;
import org.idx.images.LocalImageStore;
import org.idx.images.PlaneCache;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.testing.CountingStore;
import org.idx.images.testing.ZarrFixture;
import org.idx.images.zarr.RowImageKeys;

/**
 * Resolving image keys from plate/well/field columns: ROWS rows spread over the 384 wells of two
 * OME-Zarr plates with 4 fields each (tiny images: only the metadata matters). Prints the time of
 * {@link RowImageKeys#resolve} (reads the 2 plates' and the 768 wells' metadata, then resolves every
 * row) and of asking every row's key afterwards, each the best of ROUNDS. Then the three views of a
 * dataset (image viewer, gallery, plate map) resolving the same table at once: each reading the plates
 * itself through the store, as before, and through the plates their image root shares
 * ({@code RowImageKeys.resolve(table, imageRoot, ...)}); for both, the metadata requests (size probes
 * and reads, found or not, through a counting store) and the time.
 */
public final class RowKeysBench {

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path root = target.resolve("rowkeys-plates");
        List<String> rowNames = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            rowNames.add(String.valueOf((char) ('A' + r)));
        }
        for (int c = 1; c <= 24; c++) {
            columnNames.add(Integer.toString(c));
        }
        if (!Files.exists(root.resolve("P2.ome.zarr"))) {
            ZarrFixture field = ZarrFixture.image("yx", new long[] { 4, 4 }, new int[] { 4, 4 });
            Map<String, List<ZarrFixture>> wells = new LinkedHashMap<>();
            for (String r : rowNames) {
                for (String c : columnNames) {
                    wells.put(r + "/" + c, List.of(field, field, field, field));
                }
            }
            for (String plate : List.of("P1", "P2")) {
                ZarrFixture.writeTo(ZarrFixture.plate(plate + ".ome.zarr", 2, rowNames, columnNames, wells), root);
            }
        }
        // The columns as a CSV reader makes them: plate and well dictionary-encoded, field numeric.
        List<String> wellLevels = new ArrayList<>();
        for (String r : rowNames) {
            for (String c : columnNames) {
                wellLevels.add(String.format("%s%02d", r, Integer.parseInt(c)));
            }
        }
        int[] plateCodes = new int[rows];
        int[] wellCodes = new int[rows];
        double[] fields = new double[rows];
        for (int i = 0; i < rows; i++) {
            plateCodes[i] = i % 2;
            wellCodes[i] = (i / 2) % wellLevels.size();
            fields[i] = (i / 7) % 4;
        }
        DataTable table = new InMemoryDataTable(rows, List.of(DictionaryColumn.adopt("Metadata_Plate", plateCodes, List.of("P1", "P2")),
                DictionaryColumn.adopt("Metadata_Well", wellCodes, wellLevels), DoubleArrayColumn.of("Metadata_Field", fields)));
        table.setRoles(ColumnRoles.NONE.with(ColumnRole.PLATE, "Metadata_Plate").with(ColumnRole.WELL, "Metadata_Well")
                .with(ColumnRole.FIELD, "Metadata_Field"));
        LocalImageStore store = new LocalImageStore(root);
        long bestResolve = Long.MAX_VALUE;
        long bestAsk = Long.MAX_VALUE;
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            RowImageKeys keys = RowImageKeys.resolve(table, store, () -> false);
            long t1 = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                checksum += keys.key(i).length();
            }
            long t2 = System.nanoTime();
            bestResolve = Math.min(bestResolve, t1 - t0);
            bestAsk = Math.min(bestAsk, t2 - t1);
        }
        System.out.printf("rows %,d over 2 plates x 384 wells x 4 fields (%d rounds, best)%n", rows, rounds);
        System.out.printf("resolve (metadata of 2 plates + 768 wells, then every row): %.1f ms%n", bestResolve / 1e6);
        System.out.printf("key(row) for every row afterwards:                        %.1f ms%n", bestAsk / 1e6);
        System.out.printf("(checksum %d)%n", checksum);

        // The three views at once.
        CountingStore counting = new CountingStore(store);
        long t0 = System.nanoTime();
        threeViews(() -> RowImageKeys.resolve(table, counting, () -> false));
        long separate = System.nanoTime() - t0;
        int separateRequests = counting.probes().size() + counting.keys().size();
        counting.reset();
        ImageStoreFactory factory = new ImageStoreFactory() {
            @Override
            public ImageStore open(StoreSpec spec) {
                return counting;
            }

            @Override
            public String test(StoreSpec spec) {
                return "counting";
            }
        };
        ImageRoot images = new ImageRoot(new StoreRegistry(Map.of("counting", () -> factory)), new ReaderRegistry(List.of()),
                new PlaneCache(1 << 20), new StoreSpec("counting", Map.of()));
        t0 = System.nanoTime();
        threeViews(() -> RowImageKeys.resolve(table, images, () -> false));
        long shared = System.nanoTime() - t0;
        int sharedRequests = counting.probes().size() + counting.keys().size();
        long distinct = java.util.stream.Stream.concat(counting.probes().stream(), counting.keys().stream()).distinct().count();
        System.out.printf("three views at once, each reading the plates itself: %,d metadata requests, %.1f ms%n", separateRequests,
                separate / 1e6);
        System.out.printf("three views at once, sharing the image root's plates: %,d metadata requests (%,d distinct keys), %.1f ms%n",
                sharedRequests, distinct, shared / 1e6);
    }

    private static void threeViews(Supplier<RowImageKeys> resolve) throws Exception {
        ExecutorService views = Executors.newFixedThreadPool(3);
        try {
            List<Future<RowImageKeys>> done = new ArrayList<>();
            for (int v = 0; v < 3; v++) {
                done.add(views.submit(resolve::get));
            }
            for (Future<RowImageKeys> f : done) {
                f.get();
            }
        } finally {
            views.shutdown();
        }
    }
}
