// SPDX-License-Identifier: GPL-3.0-or-later

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.ImageStoreFactory;
import org.idx.images.PlaneCache;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;

/** What the image benchmarks (ZarrBench, TiledBench, PyramidTiffBench) share: an image root over a given store, medians. */
final class BenchRoots {

    private BenchRoots() {
    }

    /**
     * @param store   the store the root opens (a new, empty-cached one each round)
     * @param readers the readers the root may use
     * @return an image root over that store with a plane cache of 1 GiB
     */
    static ImageRoot root(Supplier<ImageStore> store, ReaderRegistry readers) {
        StoreRegistry stores = new StoreRegistry(Map.of("bench", () -> new ImageStoreFactory() {
            @Override
            public ImageStore open(StoreSpec spec) {
                return store.get();
            }

            @Override
            public String test(StoreSpec spec) {
                return "bench";
            }
        }));
        return new ImageRoot(stores, readers, new PlaneCache(1L << 30), new StoreSpec("bench", Map.of()));
    }

    /** @return the median of one column of rows of figures */
    static double median(long[][] rows, int column) {
        long[] v = new long[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows[i][column];
        }
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
