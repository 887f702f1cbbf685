// SPDX-License-Identifier: GPL-3.0-or-later
//
// IDX sample-dataset generator: a small, seeded, synthetic siRNA screen (2 plates x 96 wells,
// one 256x256 16-bit nucleus image and one 16-bit label mask per well, a per-nucleus feature
// table and a per-image table). JDK only; run it as a single-file program:
//
//   java releng/sampledata/GenerateSample.java OUTDIR [--seed N] [--compression deflate|none]
//
// The same seed gives the same pixels and tables. With --compression none the output is
// byte-identical on every JDK; with deflate (the default) the compressed strips come from the
// JDK's zlib, which has been stable for years but is not promised by any specification.
// See README.md next to this file for the layout and the columns.

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

public final class GenerateSample {

    static final int W = 256;
    static final int H = 256;
    static final String[] PLATES = {"P1", "P2"};
    static final String ROWS = "ABCDEFGH";
    static final int NCOLS = 12;
    static final int ROWS_PER_STRIP = 64;
    /** Pixel size written to the TIFF resolution tags (micrometres), a 20x objective on a typical sCMOS. */
    static final double PIXEL_UM = 0.65;
    /** Half-width (pixels) of a nucleus' soft edge: intensity goes from 0 to full over twice this. */
    static final double EDGE_PX = 2.5;
    /** Camera: offset (ADU), gain (ADU per photo-electron, a CCD-like 4 e-/ADU), read noise sd (ADU). */
    static final double CAMERA_OFFSET = 100.0;
    static final double GAIN = 0.25;
    static final double READ_NOISE = 1.5;
    /** Photo-electrons: mean background and the peak of a typical nucleus. */
    static final double BACKGROUND_E = 160.0;
    static final double NUCLEUS_PEAK_E = 3200.0;
    /** The one well left empty (a pipetting failure): plate index, row index, column (1-based). */
    static final int EMPTY_PLATE = 1;
    static final int EMPTY_ROW = 3;
    static final int EMPTY_COL = 7;

    enum Pheno { normal, large, elongated, bright, mitotic }

    /**
     * One siRNA: its group, the probability of each non-normal phenotype, a shift applied to every
     * nucleus in its wells (size, intensity) and the range of nuclei per image.
     */
    record Gene(String name, String group, double pLarge, double pElongated, double pBright,
            double pMitotic, double sizeShift, double intensityShift, int minCount, int maxCount) {
        static Gene neutral(String name) {
            return new Gene(name, "treated", 0.015, 0.01, 0.015, 0.03, 1.0, 1.0, 22, 38);
        }
    }

    static final Gene SCRAMBLED = new Gene("scrambled", "negative control", 0.015, 0.01, 0.015, 0.03, 1.0, 1.0, 22, 38);
    static final Gene PLK1 = new Gene("PLK1", "positive control", 0.40, 0.02, 0.22, 0.18, 1.10, 1.10, 18, 30);
    static final Gene KIF11 = new Gene("KIF11", "positive control", 0.05, 0.01, 0.05, 0.55, 1.0, 1.0, 20, 34);

    /** The 20 treated siRNAs, 4 wells each per plate; the first seven have an effect. */
    static final List<Gene> TREATED = List.of(
            new Gene("AURKB", "treated", 0.50, 0.03, 0.02, 0.05, 1.08, 1.0, 18, 30),
            new Gene("CDK1", "treated", 0.30, 0.01, 0.03, 0.02, 1.05, 1.0, 20, 34),
            new Gene("LMNA", "treated", 0.03, 0.45, 0.02, 0.03, 1.0, 1.0, 22, 38),
            new Gene("EMD", "treated", 0.02, 0.18, 0.02, 0.03, 1.0, 1.0, 22, 38),
            new Gene("SMC2", "treated", 0.02, 0.01, 0.45, 0.04, 0.97, 1.08, 22, 38),
            new Gene("CENPE", "treated", 0.03, 0.01, 0.04, 0.28, 1.0, 1.0, 22, 36),
            new Gene("PSMA1", "treated", 0.03, 0.01, 0.05, 0.04, 0.95, 0.95, 15, 20),
            Gene.neutral("ABL1"), Gene.neutral("AKT1"), Gene.neutral("BRAF"), Gene.neutral("CDH1"),
            Gene.neutral("EGFR"), Gene.neutral("ESR1"), Gene.neutral("FOXO3"), Gene.neutral("GSK3B"),
            Gene.neutral("HRAS"), Gene.neutral("JAK2"), Gene.neutral("MAPK1"), Gene.neutral("MTOR"),
            Gene.neutral("SRC"));

    /** Per-nucleus feature columns after the identifying columns; decimals 0 means an integer column. */
    record Feature(String name, int decimals) {}

    static final Feature[] FEATURES = {
        new Feature("area", 0),
        new Feature("perimeter", 2),
        new Feature("major_axis_length", 3),
        new Feature("minor_axis_length", 3),
        new Feature("eccentricity", 4),
        new Feature("orientation", 2),
        new Feature("solidity", 4),
        new Feature("extent", 4),
        new Feature("form_factor", 4),
        new Feature("mean_intensity", 2),
        new Feature("median_intensity", 1),
        new Feature("sd_intensity", 2),
        new Feature("min_intensity", 0),
        new Feature("max_intensity", 0),
        new Feature("integrated_intensity", 0),
        new Feature("edge_mean_intensity", 2),
        new Feature("local_background", 2),
        new Feature("texture_contrast", 4),
        new Feature("texture_homogeneity", 4),
        new Feature("texture_entropy", 4),
        new Feature("texture_asm", 4),
        new Feature("nearest_neighbor_distance", 2),
        new Feature("n_neighbors", 0),
        new Feature("touches_border", 0),
    };
    static final int F_AREA = 0, F_SOLIDITY = 6, F_MEDIAN = 10, F_LOCAL_BG = 16, F_TEX_CONTRAST = 17,
            F_TEX_HOMOGENEITY = 18, F_TEX_ENTROPY = 19, F_TEX_ASM = 20, F_NN_DIST = 21, F_N_NEIGHBORS = 22,
            F_TOUCHES = 23;
    /** Neighbourhood radius (pixels) for n_neighbors. */
    static final double NEIGHBOR_RADIUS = 40.0;

    record Nucleus(int objectId, double x, double y, Pheno truth, String label, double[] f) {}

    record Well(int plate, int row, int col, Gene gene) {
        String name() {
            return String.format(Locale.ROOT, "%c%02d", ROWS.charAt(row), col);
        }
        String image() {
            return "images/" + PLATES[plate] + "/" + name() + ".tif";
        }
        String mask() {
            return "masks/" + PLATES[plate] + "/" + name() + "_mask.tif";
        }
    }

    record Result(Well well, byte[] imageTiff, byte[] maskTiff, List<Nucleus> nuclei, double meanIntensity) {}

    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path out = null;
        long seed = 42;
        boolean deflate = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--seed") && i + 1 < args.length) {
                seed = Long.parseLong(args[++i]);
            } else if (a.startsWith("--seed=")) {
                seed = Long.parseLong(a.substring(7));
            } else if (a.equals("--compression") && i + 1 < args.length) {
                deflate = parseCompression(args[++i]);
            } else if (a.startsWith("--compression=")) {
                deflate = parseCompression(a.substring(14));
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else if (out == null) {
                out = Path.of(a);
            } else {
                usage("more than one OUTDIR");
            }
        }
        if (out == null) {
            usage("missing OUTDIR");
        }

        List<Well> wells = layout(seed);
        final long s = seed;
        final boolean z = deflate;
        Result[] results = new Result[wells.size()];
        IntStream.range(0, wells.size()).parallel().forEach(i -> results[i] = renderWell(wells.get(i), s, z));

        injectMissingValues(results, seed);

        long bytes = 0;
        int files = 0;
        for (String p : PLATES) {
            Files.createDirectories(out.resolve("images").resolve(p));
            Files.createDirectories(out.resolve("masks").resolve(p));
        }
        for (Result r : results) {
            Files.write(out.resolve(r.well().image()), r.imageTiff());
            Files.write(out.resolve(r.well().mask()), r.maskTiff());
            bytes += r.imageTiff().length + r.maskTiff().length;
            files += 2;
        }
        byte[] nucleiCsv = nucleiCsv(results).getBytes(StandardCharsets.UTF_8);
        byte[] imagesCsv = imagesCsv(results).getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("nuclei.csv"), nucleiCsv);
        Files.write(out.resolve("images.csv"), imagesCsv);
        bytes += nucleiCsv.length + imagesCsv.length;
        files += 2;
        int rows = 0;
        for (Result r : results) {
            rows += r.nuclei().size();
        }
        System.out.printf(Locale.ROOT,
                "GenerateSample seed %d -> %s: %d files (%d images, %d masks, 2 CSV), %d nucleus rows, %d image rows, %d bytes (%.1f MB, %s), %.1f s (process CPU %.1f s)%n",
                seed, out, files, results.length, results.length, rows, results.length, bytes, bytes / 1e6,
                deflate ? "deflate" : "uncompressed", (System.nanoTime() - t0) / 1e9,
                ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN));
    }

    static boolean parseCompression(String v) {
        return switch (v) {
            case "deflate", "zip", "8" -> true;
            case "none", "1" -> false;
            default -> {
                usage("--compression must be deflate or none");
                yield true;
            }
        };
    }

    static void usage(String problem) {
        System.err.println("GenerateSample: " + problem);
        System.err.println("usage: java GenerateSample.java OUTDIR [--seed N] [--compression deflate|none]");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------- layout

    /**
     * Column 1: A-D scrambled, E-H PLK1; column 12: A-D KIF11, E-H scrambled; columns 2-11 hold the
     * 20 treated siRNAs, 4 wells each, in a seeded random arrangement shared by both plates
     * (replicate plates).
     */
    static List<Well> layout(long seed) {
        List<Gene> treated = new ArrayList<>();
        for (Gene g : TREATED) {
            for (int k = 0; k < 4; k++) {
                treated.add(g);
            }
        }
        Rng shuffle = new Rng(mix(seed, 0x1a7007L));
        for (int i = treated.size() - 1; i > 0; i--) {
            Collections.swap(treated, i, shuffle.nextInt(i + 1));
        }
        List<Well> wells = new ArrayList<>();
        for (int p = 0; p < PLATES.length; p++) {
            for (int r = 0; r < ROWS.length(); r++) {
                for (int c = 1; c <= NCOLS; c++) {
                    Gene g;
                    if (c == 1) {
                        g = r < 4 ? SCRAMBLED : PLK1;
                    } else if (c == NCOLS) {
                        g = r < 4 ? KIF11 : SCRAMBLED;
                    } else {
                        g = treated.get((r * 10) + (c - 2));
                    }
                    wells.add(new Well(p, r, c, g));
                }
            }
        }
        return wells;
    }

    // --------------------------------------------------------------------------------- render

    /** One synthetic nucleus before rasterisation. */
    static final class Blob {
        Pheno truth;
        double cx, cy, a, b, cos, sin, req, peak, tex;
        /** Boundary harmonics k = 2..4 as c cos(k phi) - s sin(k phi) coefficients. */
        double[] hc = new double[3];
        double[] hs = new double[3];
        double reach, rhoCut;
        double[] sx, sy, sAmp, sSig;
    }

    static Result renderWell(Well well, long seed, boolean deflate) {
        Rng rnd = new Rng(mix(seed, 1000L + well.plate() * 96L + well.row() * 12L + well.col()));
        Gene g = well.gene();
        boolean empty = well.plate() == EMPTY_PLATE && well.row() == EMPTY_ROW && well.col() == EMPTY_COL;

        double plateIntensity = well.plate() == 1 ? 1.08 : 1.0;
        double plateBackground = well.plate() == 1 ? 1.10 : 1.0;
        double wellSize = clamp(1.0 + 0.03 * rnd.nextGaussian(), 0.9, 1.1);
        double wellIntensity = clamp(1.0 + 0.04 * rnd.nextGaussian(), 0.88, 1.12);
        double background = BACKGROUND_E * plateBackground * clamp(1.0 + 0.05 * rnd.nextGaussian(), 0.85, 1.15);

        int target = empty ? 0 : g.minCount() + rnd.nextInt(g.maxCount() - g.minCount() + 1);
        List<Blob> blobs = place(rnd, g, target, wellSize * g.sizeShift(),
                wellIntensity * plateIntensity * g.intensityShift());

        // texture field: smoothed white noise, unit sd, shared by the nuclei of the image
        double[] field = smoothNoise(rnd);

        double[] signal = new double[W * H];
        double[] rhoMin = new double[W * H];
        int[] owner = new int[W * H];
        Arrays.fill(rhoMin, Double.POSITIVE_INFINITY);
        for (int k = 0; k < blobs.size(); k++) {
            rasterise(blobs.get(k), k + 1, field, signal, rhoMin, owner);
        }
        int[] px = new int[W * H];
        long sum = expose(signal, background, rnd, px);

        int[] map = relabelMap(owner, blobs.size());
        int[] label = new int[W * H];
        for (int i = 0; i < owner.length; i++) {
            label[i] = map[owner[i]];
        }
        int n = 0;
        for (int m : map) {
            n = Math.max(n, m);
        }
        Pheno[] truthOf = new Pheno[n + 1];
        for (int k = 0; k < blobs.size(); k++) {
            if (map[k + 1] > 0) {
                truthOf[map[k + 1]] = blobs.get(k).truth;
            }
        }

        List<Nucleus> nuclei = measure(px, label, n, truthOf, rnd);
        String desc = String.format(Locale.ROOT, "IDX synthetic sample; plate=%s; well=%s; siRNA=%s; seed=%d",
                PLATES[well.plate()], well.name(), g.name(), seed);
        byte[] img = tiff(px, desc + "; kind=image", deflate ? 3 : 0);
        byte[] msk = tiff(label, desc + "; kind=label mask", deflate ? 6 : 0);
        return new Result(well, img, msk, nuclei, sum / (double) (W * H));
    }

    /** Draws nuclei at random positions until {@code target} fit without overlapping much (or 4000 tries). */
    static List<Blob> place(Rng rnd, Gene g, int target, double sizeFactor, double intensityFactor) {
        List<Blob> blobs = new ArrayList<>();
        for (int attempt = 0; blobs.size() < target && attempt < 4000; attempt++) {
            Blob n = newBlob(rnd, g, sizeFactor, intensityFactor);
            boolean ok = true;
            for (Blob o : blobs) {
                double d = StrictMath.hypot(n.cx - o.cx, n.cy - o.cy);
                if (d < 0.88 * (n.reach + o.reach)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                blobs.add(n);
            }
        }
        return blobs;
    }

    /**
     * New labels for the drawn nuclei: 1..n in raster order of each one's first pixel (as most
     * segmentation tools number objects); slivers under 12 pixels become background (0).
     */
    static int[] relabelMap(int[] owner, int drawn) {
        int[] count = new int[drawn + 1];
        for (int o : owner) {
            count[o]++;
        }
        int[] map = new int[drawn + 1];
        Arrays.fill(map, -1);
        map[0] = 0;
        int next = 1;
        for (int o : owner) {
            if (o != 0 && map[o] < 0) {
                map[o] = count[o] >= 12 ? next++ : 0;
            }
        }
        for (int k = 0; k <= drawn; k++) {
            map[k] = Math.max(0, map[k]); // a nucleus hidden entirely under others
        }
        return map;
    }

    /**
     * Adds one nucleus to the photo-electron image {@code signal} (soft edge, dome, texture,
     * chromatin spots) and claims the pixels inside its outline for {@code id} in {@code owner}
     * where it is nearer (in normalised radius) than any nucleus drawn before.
     */
    static void rasterise(Blob n, int id, double[] field, double[] signal, double[] rhoMin, int[] owner) {
        int ext = (int) StrictMath.ceil(n.reach + 4);
        int x0 = Math.max(0, (int) n.cx - ext), x1 = Math.min(W - 1, (int) n.cx + ext);
        int y0 = Math.max(0, (int) n.cy - ext), y1 = Math.min(H - 1, (int) n.cy + ext);
        int ww = x1 - x0 + 1, wh = y1 - y0 + 1;
        double[] value = new double[ww * wh];
        double[] edgeOf = new double[ww * wh];
        for (int y = y0; y <= y1; y++) {
            shapeRow(n, id, y, x0, x1, y0, ww, field, value, edgeOf, rhoMin, owner);
        }
        // chromatin spots: Gaussians added inside their own +-3 sd windows
        for (int s = 0; s < n.sx.length; s++) {
            double sig2 = n.sSig[s] * n.sSig[s], amp = n.peak * n.sAmp[s];
            int r = (int) StrictMath.ceil(3 * n.sSig[s]);
            int sx0 = Math.max(x0, (int) n.sx[s] - r), sx1 = Math.min(x1, (int) n.sx[s] + r);
            int sy0 = Math.max(y0, (int) n.sy[s] - r), sy1 = Math.min(y1, (int) n.sy[s] + r);
            for (int y = sy0; y <= sy1; y++) {
                for (int x = sx0; x <= sx1; x++) {
                    int w = (y - y0) * ww + (x - x0);
                    if (edgeOf[w] > 0) {
                        double ex = x - n.sx[s], ey = y - n.sy[s];
                        value[w] += amp * StrictMath.exp(-(ex * ex + ey * ey) / (2 * sig2));
                    }
                }
            }
        }
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int w = (y - y0) * ww + (x - x0);
                if (edgeOf[w] > 0) {
                    signal[y * W + x] += Math.max(0.0, value[w]) * edgeOf[w];
                }
            }
        }
    }

    /** One row of a nucleus' window: outline (ellipse with boundary harmonics), soft edge, dome, texture. */
    static void shapeRow(Blob n, int id, int y, int x0, int x1, int y0, int ww, double[] field,
            double[] value, double[] edgeOf, double[] rhoMin, int[] owner) {
        for (int x = x0; x <= x1; x++) {
            double dx = x - n.cx, dy = y - n.cy;
            double u = (dx * n.cos + dy * n.sin) / n.a;
            double v = (-dx * n.sin + dy * n.cos) / n.b;
            double rho0 = StrictMath.sqrt(u * u + v * v);
            if (rho0 > n.rhoCut) {
                continue;
            }
            // boundary modulation sum_k c_k cos(k phi + p_k), k = 2..4, phi = angle of (u, v)
            double c1 = rho0 > 0 ? u / rho0 : 1.0, s1 = rho0 > 0 ? v / rho0 : 0.0;
            double c2 = c1 * c1 - s1 * s1, s2 = 2 * s1 * c1;
            double c3 = c2 * c1 - s2 * s1, s3 = s2 * c1 + c2 * s1;
            double c4 = c2 * c2 - s2 * s2, s4 = 2 * s2 * c2;
            double mod = 1.0 + n.hc[0] * c2 - n.hs[0] * s2 + n.hc[1] * c3 - n.hs[1] * s3
                    + n.hc[2] * c4 - n.hs[2] * s4;
            double rho = rho0 / mod;
            // smooth edge: half intensity at rho == 1, falling over EDGE_PX pixels each side
            double edge = smootherstep(0.5 + (1.0 - rho) * n.req / (2 * EDGE_PX));
            if (edge <= 0) {
                continue;
            }
            double r1 = Math.min(rho, 1.0);
            int w = (y - y0) * ww + (x - x0);
            edgeOf[w] = edge;
            value[w] = n.peak * (1.0 - 0.22 * r1 * r1) * (1.0 + n.tex * field[y * W + x]);
            int i = y * W + x;
            if (rho < 1.0 && rho < rhoMin[i]) {
                rhoMin[i] = rho;
                owner[i] = id;
            }
        }
    }

    /** The camera: vignetting, shot and read noise, gain and offset; fills {@code px}, returns its sum. */
    static long expose(double[] signal, double background, Rng rnd, int[] px) {
        long sum = 0;
        for (int y = 0; y < H; y++) {
            double ddy = (y - (H - 1) / 2.0) / (H / 2.0);
            for (int x = 0; x < W; x++) {
                double ddx = (x - (W - 1) / 2.0) / (W / 2.0);
                double vignette = 1.0 - 0.06 * (ddx * ddx + ddy * ddy);
                int v = camera(rnd, vignette * (background + signal[y * W + x]));
                px[y * W + x] = v;
                sum += v;
            }
        }
        return sum;
    }

    static Blob newBlob(Rng rnd, Gene g, double sizeFactor, double intensityFactor) {
        Blob n = new Blob();
        double u = rnd.nextDouble();
        double[] p = {g.pLarge(), g.pElongated(), g.pBright(), g.pMitotic()};
        Pheno[] ph = {Pheno.large, Pheno.elongated, Pheno.bright, Pheno.mitotic};
        n.truth = Pheno.normal;
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                n.truth = ph[i];
                break;
            }
        }
        double req = 9.0 * sizeFactor * clamp(1.0 + 0.11 * rnd.nextGaussian(), 0.7, 1.35);
        double aspect = 1.06 + Math.abs(0.12 * rnd.nextGaussian());
        double peak = NUCLEUS_PEAK_E * intensityFactor * clamp(1.0 + 0.12 * rnd.nextGaussian(), 0.6, 1.5);
        double[] harm = {0.03, 0.015, 0.012}; // boundary harmonics k = 2, 3, 4 (sd of the amplitude)
        double tex = 0.10;
        int spots = 3 + rnd.nextInt(5);
        double spotAmp = 0.22, spotSig = 1.6;
        switch (n.truth) {
            case large -> {
                req *= 1.45 * clamp(1.0 + 0.07 * rnd.nextGaussian(), 0.85, 1.15);
                peak *= 1.05;
                spots += 4;
            }
            case elongated -> {
                aspect = Math.max(1.7, 2.3 + 0.3 * rnd.nextGaussian());
                harm = new double[] {0.05, 0.05, 0.07}; // blebbed, lobed outlines
            }
            case bright -> {
                peak *= clamp(1.8 + 0.12 * rnd.nextGaussian(), 1.5, 2.2);
                req *= 0.92;
            }
            case mitotic -> {
                req *= 0.62;
                aspect = 1.05 + Math.abs(0.2 * rnd.nextGaussian());
                peak *= 2.2;
                tex = 0.25;
                harm = new double[] {0.06, 0.06, 0.05};
                spots = 10 + rnd.nextInt(9);
                spotAmp = 0.35;
                spotSig = 0.9;
            }
            default -> { }
        }
        n.req = req;
        n.a = req * StrictMath.sqrt(aspect);
        n.b = req / StrictMath.sqrt(aspect);
        double theta = rnd.nextDouble() * Math.PI;
        n.cos = StrictMath.cos(theta);
        n.sin = StrictMath.sin(theta);
        n.peak = peak;
        n.tex = tex;
        double bound = 0;
        for (int h = 0; h < 3; h++) {
            double amp = clamp(harm[h] * rnd.nextGaussian(), -2.5 * harm[h], 2.5 * harm[h]);
            double phase = rnd.nextDouble() * 2 * Math.PI;
            n.hc[h] = amp * StrictMath.cos(phase);
            n.hs[h] = amp * StrictMath.sin(phase);
            bound += Math.abs(amp);
        }
        n.reach = n.a * (1 + bound);
        // beyond this normalised radius the edge is 0 whatever the harmonics
        n.rhoCut = (1 + bound) * (1 + EDGE_PX / req);
        n.cx = rnd.nextDouble() * (W - 1);
        n.cy = rnd.nextDouble() * (H - 1);
        n.sx = new double[spots];
        n.sy = new double[spots];
        n.sAmp = new double[spots];
        n.sSig = new double[spots];
        for (int s = 0; s < spots; s++) {
            // a point inside 70% of the ellipse
            double r = 0.7 * StrictMath.sqrt(rnd.nextDouble());
            double t = rnd.nextDouble() * 2 * Math.PI;
            double eu = r * StrictMath.cos(t) * n.a, ev = r * StrictMath.sin(t) * n.b;
            n.sx[s] = n.cx + eu * n.cos - ev * n.sin;
            n.sy[s] = n.cy + eu * n.sin + ev * n.cos;
            n.sAmp[s] = spotAmp * (0.5 + rnd.nextDouble());
            n.sSig[s] = spotSig * (0.75 + 0.5 * rnd.nextDouble());
        }
        return n;
    }

    /**
     * Smooth random texture with unit sd: uniform values on a grid every {@code step} pixels,
     * interpolated with smoothstep weights (value noise).
     */
    static double[] smoothNoise(Rng rnd) {
        final int step = 3;
        int gw = W / step + 2, gh = H / step + 2;
        double[] grid = new double[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = rnd.nextDouble() - 0.5;
        }
        double[] a = new double[W * H];
        double sum = 0, ss = 0;
        for (int y = 0; y < H; y++) {
            int gy = y / step;
            double ty = smoothstep((y % step) / (double) step);
            for (int x = 0; x < W; x++) {
                int gx = x / step;
                double tx = smoothstep((x % step) / (double) step);
                double top = grid[gy * gw + gx] * (1 - tx) + grid[gy * gw + gx + 1] * tx;
                double bottom = grid[(gy + 1) * gw + gx] * (1 - tx) + grid[(gy + 1) * gw + gx + 1] * tx;
                double v = top * (1 - ty) + bottom * ty;
                a[y * W + x] = v;
                sum += v;
                ss += v * v;
            }
        }
        double mean = sum / a.length, sd = StrictMath.sqrt(ss / a.length - mean * mean);
        for (int i = 0; i < a.length; i++) {
            a[i] = (a[i] - mean) / sd;
        }
        return a;
    }

    static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }

    /**
     * One camera reading in ADU for a mean of {@code mean} photo-electrons: Poisson shot noise
     * (exact below 30 electrons, else its normal approximation, merged with the read noise into
     * one Gaussian draw), gain, offset and read noise, rounded and clipped to 16 bits.
     */
    static int camera(Rng rnd, double mean) {
        double adu;
        if (mean < 30) {
            double l = StrictMath.exp(-mean), p = 1.0;
            int k = 0;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            adu = CAMERA_OFFSET + GAIN * (k - 1) + READ_NOISE * rnd.nextGaussian();
        } else {
            double sd = StrictMath.sqrt(GAIN * GAIN * mean + READ_NOISE * READ_NOISE);
            adu = CAMERA_OFFSET + GAIN * mean + sd * rnd.fastGaussian();
        }
        return (int) Math.max(0, Math.min(65535, Math.round(adu)));
    }

    // -------------------------------------------------------------------------------- measure

    static List<Nucleus> measure(int[] px, int[] label, int n, Pheno[] truthOf, Rng rnd) {
        int[] count = new int[n + 1];
        for (int l : label) {
            count[l]++;
        }
        int[][] pix = new int[n + 1][];
        for (int l = 1; l <= n; l++) {
            pix[l] = new int[count[l]];
        }
        int[] fill = new int[n + 1];
        for (int i = 0; i < label.length; i++) {
            int l = label[i];
            if (l != 0) {
                pix[l][fill[l]++] = i;
            }
        }
        double[][] f = new double[n + 1][];
        double[] cxs = new double[n + 1], cys = new double[n + 1];
        for (int l = 1; l <= n; l++) {
            double[] all = measureObject(px, label, l, pix[l]);
            f[l] = Arrays.copyOf(all, FEATURES.length);
            cxs[l] = all[FEATURES.length];
            cys[l] = all[FEATURES.length + 1];
        }
        for (int l = 1; l <= n; l++) {
            double best = Double.POSITIVE_INFINITY;
            int within = 0;
            for (int o = 1; o <= n; o++) {
                if (o != l) {
                    double d = StrictMath.hypot(cxs[l] - cxs[o], cys[l] - cys[o]);
                    best = Math.min(best, d);
                    if (d <= NEIGHBOR_RADIUS) {
                        within++;
                    }
                }
            }
            f[l][F_NN_DIST] = Double.isInfinite(best) ? Double.NaN : best;
            f[l][F_N_NEIGHBORS] = within;
        }
        List<Nucleus> list = new ArrayList<>(n);
        Pheno[] all = Pheno.values();
        for (int l = 1; l <= n; l++) {
            Pheno t = truthOf[l];
            // an expert labelled some nuclei: most of the unusual ones they saw, few normal ones
            double pLabel = t == Pheno.normal ? 0.05 : 0.40;
            String lab = "";
            if (rnd.nextDouble() < pLabel) {
                Pheno given = t;
                if (rnd.nextDouble() < 0.03) {
                    given = all[(t.ordinal() + 1 + rnd.nextInt(all.length - 1)) % all.length];
                }
                lab = given.name();
            }
            list.add(new Nucleus(l, cxs[l], cys[l], t, lab, f[l]));
        }
        return list;
    }

    /** Sums x, y; bounding box; intensity sum, min, max; 1 if on the image border. */
    static double[] firstPass(int[] px, int[] ps) {
        double sx = 0, sy = 0;
        int minX = W, maxX = -1, minY = H, maxY = -1;
        long isum = 0;
        int imin = Integer.MAX_VALUE, imax = Integer.MIN_VALUE;
        boolean border = false;
        for (int i : ps) {
            int x = i % W, y = i / W;
            sx += x;
            sy += y;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            int v = px[i];
            isum += v;
            imin = Math.min(imin, v);
            imax = Math.max(imax, v);
            if (x == 0 || y == 0 || x == W - 1 || y == H - 1) {
                border = true;
            }
        }
        return new double[] {sx, sy, minX, maxX, minY, maxY, isum, imin, imax, border ? 1 : 0};
    }

    /**
     * Central second moments, intensity sum of squares, the sum and count of edge-pixel
     * intensities; fills {@code values} with the intensities and {@code outline} with the
     * outline points (half-pixel units: midpoints towards each outside 4-neighbour).
     */
    static double[] secondPass(int[] px, int[] label, int l, int[] ps, double cx, double cy, double mean,
            int[] values, List<long[]> outline) {
        double m20 = 0, m02 = 0, m11 = 0, ivar = 0;
        long edgeSum = 0;
        int edgeN = 0;
        for (int k = 0; k < ps.length; k++) {
            int i = ps[k];
            int x = i % W, y = i / W;
            double dx = x - cx, dy = y - cy;
            m20 += dx * dx;
            m02 += dy * dy;
            m11 += dx * dy;
            values[k] = px[i];
            ivar += (px[i] - mean) * (px[i] - mean);
            int before = outline.size();
            if (x == 0 || label[i - 1] != l) {
                outline.add(new long[] {2 * x - 1, 2 * y});
            }
            if (x == W - 1 || label[i + 1] != l) {
                outline.add(new long[] {2 * x + 1, 2 * y});
            }
            if (y == 0 || label[i - W] != l) {
                outline.add(new long[] {2 * x, 2 * y - 1});
            }
            if (y == H - 1 || label[i + W] != l) {
                outline.add(new long[] {2 * x, 2 * y + 1});
            }
            if (outline.size() > before) {
                edgeSum += px[i];
                edgeN++;
            }
        }
        return new double[] {m20, m02, m11, ivar, edgeSum, edgeN};
    }

    /** The features of one object (label {@code l}, pixel indices {@code ps}), then its centroid x, y. */
    static double[] measureObject(int[] px, int[] label, int l, int[] ps) {
        int area = ps.length;
        double[] p1 = firstPass(px, ps);
        double cx = p1[0] / area, cy = p1[1] / area;
        int minX = (int) p1[2], maxX = (int) p1[3], minY = (int) p1[4], maxY = (int) p1[5];
        long isum = (long) p1[6];
        int imin = (int) p1[7], imax = (int) p1[8];
        boolean border = p1[9] > 0;
        double mean = isum / (double) area;
        int[] values = new int[area];
        List<long[]> outline = new ArrayList<>();
        double[] p2 = secondPass(px, label, l, ps, cx, cy, mean, values, outline);
        double m20 = p2[0], m02 = p2[1], m11 = p2[2], ivar = p2[3];
        long edgeSum = (long) p2[4];
        int edgeN = (int) p2[5];
        m20 /= area;
        m02 /= area;
        m11 /= area;
        double tr = m20 + m02, det = m20 * m02 - m11 * m11;
        double disc = StrictMath.sqrt(Math.max(0, tr * tr / 4 - det));
        double l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
        Arrays.sort(values);
        double median = area % 2 == 1 ? values[area / 2] : (values[area / 2 - 1] + values[area / 2]) / 2.0;
        double[] contour = contour(label, l, minX, maxX, minY, maxY);
        double perimeter = contour[0];
        double hullArea = polygonArea(hull(outline)) / 4.0;

        double[] x = new double[FEATURES.length + 2];
        x[0] = area;
        x[1] = perimeter;
        x[2] = 4 * StrictMath.sqrt(l1);
        x[3] = 4 * StrictMath.sqrt(l2);
        x[4] = l1 > 0 ? StrictMath.sqrt(1 - l2 / l1) : 0;
        // degrees, major axis against the x axis, image coordinates (y down), in (-90, 90]
        x[5] = StrictMath.toDegrees(0.5 * StrictMath.atan2(2 * m11, m20 - m02));
        x[6] = hullArea > 0 ? Math.min(1.0, contour[1] / hullArea) : 1.0;
        x[7] = area / (double) ((maxX - minX + 1) * (maxY - minY + 1));
        x[8] = 4 * Math.PI * area / (perimeter * perimeter);
        x[9] = mean;
        x[10] = median;
        x[11] = StrictMath.sqrt(ivar / Math.max(1, area - 1));
        x[12] = imin;
        x[13] = imax;
        x[14] = isum;
        x[15] = edgeN > 0 ? edgeSum / (double) edgeN : Double.NaN;
        x[16] = localBackground(px, label, minX, maxX, minY, maxY);
        glcm(px, label, l, ps, imin, imax, x);
        x[F_TOUCHES] = border ? 1 : 0;
        x[FEATURES.length] = cx;
        x[FEATURES.length + 1] = cy;
        return x;
    }

    /** Mean of background pixels (label 0) in the object's bounding box grown by 5 pixels. */
    static double localBackground(int[] px, int[] label, int minX, int maxX, int minY, int maxY) {
        long s = 0;
        int n = 0;
        for (int y = Math.max(0, minY - 5); y <= Math.min(H - 1, maxY + 5); y++) {
            for (int x = Math.max(0, minX - 5); x <= Math.min(W - 1, maxX + 5); x++) {
                if (label[y * W + x] == 0) {
                    s += px[y * W + x];
                    n++;
                }
            }
        }
        return n >= 10 ? s / (double) n : Double.NaN;
    }

    /** Grey-level co-occurrence on 8 levels (object min..max), offsets (1,0) and (0,1), symmetric. */
    static void glcm(int[] px, int[] label, int l, int[] ps, int imin, int imax, double[] out) {
        final int levels = 8;
        double[][] m = new double[levels][levels];
        double range = Math.max(1, imax - imin);
        long pairs = 0;
        for (int i : ps) {
            int x = i % W, y = i / W;
            int q = Math.min(levels - 1, (int) ((px[i] - imin) * levels / (range + 1)));
            if (x + 1 < W && label[i + 1] == l) {
                int r = Math.min(levels - 1, (int) ((px[i + 1] - imin) * levels / (range + 1)));
                m[q][r]++;
                m[r][q]++;
                pairs += 2;
            }
            if (y + 1 < H && label[i + W] == l) {
                int r = Math.min(levels - 1, (int) ((px[i + W] - imin) * levels / (range + 1)));
                m[q][r]++;
                m[r][q]++;
                pairs += 2;
            }
        }
        if (pairs == 0) {
            out[F_TEX_CONTRAST] = out[F_TEX_HOMOGENEITY] = out[F_TEX_ENTROPY] = out[F_TEX_ASM] = Double.NaN;
            return;
        }
        double contrast = 0, homog = 0, entropy = 0, asm = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < levels; j++) {
                double p = m[i][j] / pairs;
                if (p > 0) {
                    contrast += p * (i - j) * (i - j);
                    homog += p / (1 + Math.abs(i - j));
                    entropy -= p * StrictMath.log(p) / StrictMath.log(2);
                    asm += p * p;
                }
            }
        }
        out[F_TEX_CONTRAST] = contrast;
        out[F_TEX_HOMOGENEITY] = homog;
        out[F_TEX_ENTROPY] = entropy;
        out[F_TEX_ASM] = asm;
    }

    /**
     * The object's outline by marching squares at half level, as {length, enclosed area}: each
     * 2x2 cell of pixel centres contributes a corner cut (length sqrt(1/2), inside area 1/8 or
     * 7/8), a straight crossing (1, 1/2) or, for a diagonal pair, two cuts (sqrt(2), 1/4).
     * Pixels outside the image count as background, so the image border is part of the outline.
     */
    static double[] contour(int[] label, int l, int minX, int maxX, int minY, int maxY) {
        final double cut = StrictMath.sqrt(0.5);
        double len = 0, area = 0;
        for (int y = minY - 1; y <= maxY; y++) {
            for (int x = minX - 1; x <= maxX; x++) {
                boolean a = in(label, l, x, y), b = in(label, l, x + 1, y);
                boolean c = in(label, l, x, y + 1), d = in(label, l, x + 1, y + 1);
                int k = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0);
                switch (k) {
                    case 1 -> {
                        len += cut;
                        area += 0.125;
                    }
                    case 2 -> {
                        boolean diagonal = a == d;
                        len += diagonal ? 2 * cut : 1.0;
                        area += diagonal ? 0.25 : 0.5;
                    }
                    case 3 -> {
                        len += cut;
                        area += 0.875;
                    }
                    case 4 -> area += 1.0;
                    default -> { }
                }
            }
        }
        return new double[] {len, area};
    }

    static boolean in(int[] label, int l, int x, int y) {
        return x >= 0 && y >= 0 && x < W && y < H && label[y * W + x] == l;
    }

    /** Shoelace area of a closed polygon given by its vertices in order. */
    static double polygonArea(long[][] poly) {
        long twice = 0;
        for (int i = 0; i < poly.length; i++) {
            long[] p = poly[i], q = poly[(i + 1) % poly.length];
            twice += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(twice) / 2.0;
    }

    /** Convex hull of integer points, counter-clockwise without collinear points (monotone chain). */
    static long[][] hull(List<long[]> pts) {
        pts.sort((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1]));
        long[][] h = new long[2 * pts.size()][];
        int k = 0;
        for (long[] p : pts) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        for (int i = pts.size() - 2, t = k + 1; i >= 0; i--) {
            long[] p = pts.get(i);
            while (k >= t && cross(h[k - 2], h[k - 1], p) <= 0) {
                k--;
            }
            h[k++] = p;
        }
        return Arrays.copyOf(h, Math.max(0, k - 1));
    }

    static long cross(long[] o, long[] a, long[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** A handful of measurement failures: blank one texture, median or solidity value in ~12 rows. */
    static void injectMissingValues(Result[] results, long seed) {
        List<Nucleus> all = new ArrayList<>();
        for (Result r : results) {
            all.addAll(r.nuclei());
        }
        if (all.isEmpty()) {
            return;
        }
        Rng rnd = new Rng(mix(seed, 0x5eedL));
        int[] cols = {F_TEX_CONTRAST, F_TEX_HOMOGENEITY, F_TEX_ENTROPY, F_TEX_ASM, F_MEDIAN, F_SOLIDITY};
        for (int k = 0; k < 12; k++) {
            Nucleus n = all.get(rnd.nextInt(all.size()));
            n.f()[cols[rnd.nextInt(cols.length)]] = Double.NaN;
        }
    }

    // ------------------------------------------------------------------------------------ CSV

    static String nucleiCsv(Result[] results) {
        StringBuilder sb = new StringBuilder(1 << 22);
        sb.append("plate,well,well_row,well_col,image,mask,object_id,x,y,siRNA,group,phenotype");
        for (Feature f : FEATURES) {
            sb.append(',').append(f.name());
        }
        sb.append('\n');
        for (Result r : results) {
            Well w = r.well();
            String prefix = PLATES[w.plate()] + ',' + w.name() + ',' + ROWS.charAt(w.row()) + ',' + w.col() + ','
                    + w.image() + ',' + w.mask() + ',';
            String gene = csv(w.gene().name()) + ',' + csv(w.gene().group()) + ',';
            for (Nucleus n : r.nuclei()) {
                sb.append(prefix).append(n.objectId()).append(',');
                fmt(sb, n.x(), 2).append(',');
                fmt(sb, n.y(), 2).append(',');
                sb.append(gene).append(n.label());
                double[] v = n.f();
                for (int i = 0; i < FEATURES.length; i++) {
                    sb.append(',');
                    fmt(sb, v[i], FEATURES[i].decimals());
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String imagesCsv(Result[] results) {
        StringBuilder sb = new StringBuilder();
        sb.append("plate,well,well_row,well_col,image,mask,siRNA,group,nucleus_count,mean_intensity\n");
        for (Result r : results) {
            Well w = r.well();
            sb.append(PLATES[w.plate()]).append(',').append(w.name()).append(',').append(ROWS.charAt(w.row()))
                    .append(',').append(w.col()).append(',').append(w.image()).append(',').append(w.mask())
                    .append(',').append(csv(w.gene().name())).append(',').append(csv(w.gene().group()))
                    .append(',').append(r.nuclei().size()).append(',');
            fmt(sb, r.meanIntensity(), 2).append('\n');
        }
        return sb.toString();
    }

    static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** NaN is written as an empty field (NA); decimals 0 writes an integer. */
    static StringBuilder fmt(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v)) {
            return sb;
        }
        if (decimals == 0) {
            return sb.append(Math.round(v));
        }
        return sb.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    // ----------------------------------------------------------------------------------- TIFF

    /**
     * A baseline little-endian greyscale TIFF, 16 bits per sample, unsigned, in strips of
     * {@link #ROWS_PER_STRIP} rows, uncompressed (level 0) or Adobe Deflate (compression 8, one
     * zlib stream per strip) at the given level: noisy images compress hardly better at 9 than at
     * 3 but take ten times longer; label masks compress well and fast at any level.
     */
    static byte[] tiff(int[] px, String description, int level) {
        boolean deflate = level > 0;
        int nStrips = (H + ROWS_PER_STRIP - 1) / ROWS_PER_STRIP;
        byte[][] strips = new byte[nStrips][];
        for (int s = 0; s < nStrips; s++) {
            int rows = Math.min(ROWS_PER_STRIP, H - s * ROWS_PER_STRIP);
            byte[] raw = littleEndian16(px, s * ROWS_PER_STRIP * W, rows * W);
            strips[s] = deflate ? zlib(raw, level) : raw;
        }
        byte[] desc = (description + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] software = "IDX GenerateSample\0".getBytes(StandardCharsets.US_ASCII);
        long pxPerCm = Math.round(10000.0 / PIXEL_UM);

        // tag, type, count, value-or-blob; types: 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL
        record Tag(int tag, int type, int count, long value, byte[] blob) {}
        List<Tag> tags = new ArrayList<>();
        int[] offsets = new int[nStrips];
        ByteBuffer offBlob = ByteBuffer.allocate(4 * nStrips).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer cntBlob = ByteBuffer.allocate(4 * nStrips).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer res = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        res.putInt((int) pxPerCm).putInt(1);
        tags.add(new Tag(256, 3, 1, W, null));
        tags.add(new Tag(257, 3, 1, H, null));
        tags.add(new Tag(258, 3, 1, 16, null));
        tags.add(new Tag(259, 3, 1, deflate ? 8 : 1, null));
        tags.add(new Tag(262, 3, 1, 1, null));
        tags.add(new Tag(270, 2, desc.length, 0, desc));
        tags.add(new Tag(273, 4, nStrips, 0, offBlob.array()));
        tags.add(new Tag(277, 3, 1, 1, null));
        tags.add(new Tag(278, 3, 1, ROWS_PER_STRIP, null));
        tags.add(new Tag(279, 4, nStrips, 0, cntBlob.array()));
        tags.add(new Tag(282, 5, 1, 0, res.array()));
        tags.add(new Tag(283, 5, 1, 0, res.array()));
        tags.add(new Tag(284, 3, 1, 1, null));
        tags.add(new Tag(296, 3, 1, 3, null));
        tags.add(new Tag(305, 2, software.length, 0, software));
        tags.add(new Tag(339, 3, 1, 1, null));

        int ifdSize = 2 + 12 * tags.size() + 4;
        int pos = 8 + ifdSize;
        int[] blobPos = new int[tags.size()];
        for (int t = 0; t < tags.size(); t++) {
            Tag tag = tags.get(t);
            if (tag.blob() != null && tag.blob().length > 4) {
                pos += pos & 1;
                blobPos[t] = pos;
                pos += tag.blob().length;
            }
        }
        for (int s = 0; s < nStrips; s++) {
            pos += pos & 1;
            offsets[s] = pos;
            pos += strips[s].length;
        }
        for (int s = 0; s < nStrips; s++) {
            offBlob.putInt(s * 4, offsets[s]);
            cntBlob.putInt(s * 4, strips[s].length);
        }

        ByteBuffer b = ByteBuffer.allocate(pos).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) tags.size());
        for (int t = 0; t < tags.size(); t++) {
            Tag tag = tags.get(t);
            b.putShort((short) tag.tag()).putShort((short) tag.type()).putInt(tag.count());
            if (tag.blob() == null) {
                if (tag.type() == 3) {
                    b.putShort((short) tag.value()).putShort((short) 0);
                } else {
                    b.putInt((int) tag.value());
                }
            } else if (tag.blob().length <= 4) {
                byte[] four = Arrays.copyOf(tag.blob(), 4);
                b.put(four);
            } else {
                b.putInt(blobPos[t]);
            }
        }
        b.putInt(0);
        for (int t = 0; t < tags.size(); t++) {
            Tag tag = tags.get(t);
            if (tag.blob() != null && tag.blob().length > 4) {
                b.position(blobPos[t]);
                b.put(tag.blob());
            }
        }
        for (int s = 0; s < nStrips; s++) {
            b.position(offsets[s]);
            b.put(strips[s]);
        }
        return b.array();
    }

    static byte[] littleEndian16(int[] px, int from, int count) {
        byte[] raw = new byte[2 * count];
        for (int k = 0; k < count; k++) {
            int v = px[from + k];
            raw[2 * k] = (byte) v;
            raw[2 * k + 1] = (byte) (v >>> 8);
        }
        return raw;
    }

    static byte[] zlib(byte[] raw, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(raw);
            d.finish();
            byte[] buf = new byte[raw.length + 64];
            int n = 0;
            while (!d.finished()) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                n += d.deflate(buf, n, buf.length - n);
            }
            return Arrays.copyOf(buf, n);
        } finally {
            d.end();
        }
    }

    // ---------------------------------------------------------------------------------- utils

    /**
     * SplitMix64 with a polar-method Gaussian: written out here (rather than java.util.Random or
     * SplittableRandom) so the streams, and so the pixels, never depend on the JDK version.
     */
    static final class Rng {
        private static final double[] QUANTILES = quantileTable(1 << 16);
        private long state;
        private double spare;
        private boolean hasSpare;

        Rng(long seed) {
            state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in [0, 1), 53 bits. */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        /** Uniform in [0, bound): 63-bit draws, rejecting the incomplete last block. */
        int nextInt(int bound) {
            long u = nextLong() >>> 1;
            long r = u % bound;
            while (u - r + (bound - 1) < 0) {
                u = nextLong() >>> 1;
                r = u % bound;
            }
            return (int) r;
        }

        /**
         * A standard normal draw from one 64-bit number by interpolating a table of the normal
         * quantile function: five times cheaper than {@link #nextGaussian()}, tails cut at about
         * 4.3 sd. Used for the per-pixel camera noise.
         */
        double fastGaussian() {
            long r = nextLong();
            int i = (int) (r >>> 48);
            double f = ((r >>> 11) & ((1L << 37) - 1)) * 0x1.0p-37;
            return QUANTILES[i] + f * (QUANTILES[i + 1] - QUANTILES[i]);
        }

        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u, v, s;
            do {
                u = 2 * nextDouble() - 1;
                v = 2 * nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double m = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            spare = v * m;
            hasSpare = true;
            return u * m;
        }
    }

    /** The normal quantile function at k/n, k = 0..n, with the two infinite ends pulled in to 1/(2n). */
    static double[] quantileTable(int n) {
        double[] t = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            t[k] = normalQuantile(Math.min(Math.max(k / (double) n, 0.5 / n), 1 - 0.5 / n));
        }
        return t;
    }

    /** Inverse of the standard normal CDF by Acklam's rational approximation (relative error ~1e-9). */
    static double normalQuantile(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** 0 below 0, 1 above 1, the quintic 6t^5 - 15t^4 + 10t^3 between (flat first and second derivatives at the ends). */
    static double smootherstep(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * t * (t * (6 * t - 15) + 10);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** SplitMix64 finaliser over seed and a stream key: independent, reproducible streams. */
    static long mix(long seed, long key) {
        long z = seed * 0x9E3779B97F4A7C15L + key * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
