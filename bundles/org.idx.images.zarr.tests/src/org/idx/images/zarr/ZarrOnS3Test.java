// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.idx.images.ImageSource;
import org.idx.images.PlaneIndex;
import org.idx.images.ShortPlane;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3ImageStore;
import org.idx.images.s3.S3Location;
import org.idx.images.s3.S3Options;
import org.idx.images.s3.S3StoreFactory;
import org.idx.images.testing.S3ProxyServer;
import org.idx.images.testing.ZarrFixture;
import org.idx.images.testing.ZarrFixture.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OME-Zarr images and plates in a bucket of a real S3 server (S3Proxy on 127.0.0.1), read by prefix. */
class ZarrOnS3Test {

    @TempDir
    Path folder;

    @Test
    void readsImagesAndPlateFieldsFromABucketPrefix() throws Exception {
        Map<String, byte[]> objects = new HashMap<>();
        objects.putAll(ZarrFixture.image("tczyx", new long[] {1, 2, 3, 70, 90}, new int[] {1, 1, 1, 32, 32}).format(3)
                .codec(Codec.BLOSC).samples(ZarrReaderTest::tczyx).missing(Set.of("0/1/2/2/2")).fill(9)
                .write("screen/img.ome.zarr"));
        ZarrFixture field = ZarrFixture.image("cyx", new long[] {2, 32, 32}, new int[] {1, 16, 16}).codec(Codec.ZSTD)
                .samples(p -> p[0] * 1000 + p[1] * 10 + p[2]);
        objects.putAll(ZarrFixture.plate("screen/plate.zarr", 2, List.of("A", "B"), List.of("1", "2", "3"),
                Map.of("B/3", List.of(field))));
        try (S3ProxyServer server = S3ProxyServer.start(folder, false)) {
            server.put("bucket", objects);
            StoreSpec spec = new StoreSpec("s3", Map.of(S3Location.ENDPOINT, server.endpoint().toString(), S3Location.BUCKET, "bucket",
                    S3Location.PREFIX, "screen", S3Location.PATH_STYLE, "true"));
            S3StoreFactory factory = new S3StoreFactory(l -> Optional.of(S3Credentials.of(S3ProxyServer.KEY_ID, S3ProxyServer.SECRET)),
                    S3Options.DEFAULT);
            try (S3ImageStore store = factory.open(spec)) {
                ImageSource image = ZarrReaderTest.registry().open(store, "img.ome.zarr");
                ShortPlane plane = (ShortPlane) image.plane(new PlaneIndex(1, 2, 0));
                assertEquals((int) ZarrReaderTest.tczyx(new long[] {0, 1, 2, 5, 80}), plane.unsigned(5 * 90 + 80));
                assertEquals(9, plane.unsigned(65 * 90 + 65), "chunk 2/2 of c=1, z=2 is missing: fill value");

                ImageSource b3 = ZarrReaderTest.registry().open(store, "plate.zarr/B/3/0");
                ShortPlane c1 = (ShortPlane) b3.plane(new PlaneIndex(1, 0, 0));
                assertEquals(1000 + 310 + 20, c1.unsigned(31 * 32 + 20));
                ZarrPlate plate = ZarrPlate.read(store, "plate.zarr");
                assertEquals(List.of("plate.zarr/B/3/0"), plate.fieldKeys(store, plate.well("B", "3").orElseThrow()));
            }
        }
    }
}
