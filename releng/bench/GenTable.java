// SPDX-License-Identifier: GPL-3.0-or-later
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Writes the seeded benchmark table: ROWS rows of 30 full-precision double features plus two text
 * columns (an image path shared by 100 objects, and a per-object key), as CSV.
 * Usage: {@code java GenTable.java OUT.csv [ROWS]} (or compiled: {@code java -cp ... GenTable ...}).
 */
public final class GenTable {

    private GenTable() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SplittableRandom random = new SplittableRandom(20261122L);
        Path temp = out.resolveSibling(out.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("ImagePath,ObjectKey");
            for (int f = 1; f <= 30; f++) {
                line.append(",Feature_").append(f);
            }
            w.write(line.append('\n').toString());
            for (int row = 0; row < rows; row++) {
                line.setLength(0);
                int image = row / 100;
                line.append("plate").append(image / 1000).append("/img_").append(image).append(".tif,");
                line.append("obj-").append(image).append('-').append(row % 100);
                for (int f = 1; f <= 30; f++) {
                    double scale = Math.pow(10, f % 7 - 2);
                    line.append(',').append((random.nextDouble() - 0.2) * scale);
                }
                w.write(line.append('\n').toString());
            }
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
