// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.xgboost;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.idx.analysis.AnalysisException;
import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.core.memory.DictionaryColumn;
import org.idx.core.memory.DoubleArrayColumn;

/**
 * A trained classifier as it can be stored with a session and used again: the label column it
 * learned, its feature columns (by name, in model order), its classes (in code order) and the
 * XGBoost model itself in XGBoost's UBJSON format ({@link #booster()}, readable by any XGBoost
 * binding, e.g. R's {@code xgb.load.raw}). Immutable.
 * <p>
 * To keep it, write {@link #toBytes()} (a small versioned container, documented there) into the
 * session and read it back with {@link #fromBytes(byte[])}; {@link #predict(DataTable, BooleanSupplier)}
 * then predicts any table with the same feature columns.
 *
 * @param label    the name of the label column it was trained on
 * @param features the feature column names, in model order
 * @param classes  the class names; class code i is {@code classes.get(i)}
 * @param booster  the XGBoost model (UBJSON)
 */
public record XGBoostModel(String label, List<String> features, List<String> classes, byte[] booster) {

    /** The first bytes of {@link #toBytes()}. */
    private static final int MAGIC = 0x49445847; // "IDXG"
    private static final int VERSION = 1;

    /** The name of the predicted-class column. */
    public static final String PREDICTION_COLUMN = "prediction";

    /** The name of the column holding the probability of the predicted class. */
    public static final String PROBABILITY_COLUMN = "prediction_probability";

    /** Rows predicted per call into XGBoost. */
    static final int CHUNK = 1 << 16;

    /** Copies the lists and the bytes. */
    public XGBoostModel {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        booster = booster.clone();
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classifier has at least two classes");
        }
    }

    @Override
    public byte[] booster() {
        return booster.clone();
    }

    /**
     * The model as bytes: the int {@code 0x49445847} ("IDXG"), the int format version (1), then the
     * label name, the feature count and names, the class count and names (each name in
     * {@link DataOutputStream#writeUTF modified UTF-8}), the int length of the XGBoost model and its
     * UBJSON bytes.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(booster.length + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(label);
            out.writeInt(features.size());
            for (String feature : features) {
                out.writeUTF(feature);
            }
            out.writeInt(classes.size());
            for (String name : classes) {
                out.writeUTF(name);
            }
            out.writeInt(booster.length);
            out.write(booster);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what {@link #toBytes()} wrote
     * @return the model
     * @throws IOException when the bytes are not such a model (one sentence)
     */
    public static XGBoostModel fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not an IDX XGBoost model");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("IDX XGBoost model version " + version + " is not supported (this IDX reads version " + VERSION + ")");
            }
            String label = in.readUTF();
            List<String> features = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                features.add(in.readUTF());
            }
            List<String> classes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                classes.add(in.readUTF());
            }
            int length = in.readInt();
            if (length < 0 || length > bytes.length) {
                throw new IOException("damaged IDX XGBoost model: model length " + length);
            }
            byte[] booster = in.readNBytes(length);
            if (booster.length != length) {
                throw new IOException("damaged IDX XGBoost model: it ends early");
            }
            return new XGBoostModel(label, features, classes, booster);
        } catch (java.io.EOFException | IllegalArgumentException e) {
            throw new IOException("damaged IDX XGBoost model: " + e.getMessage(), e);
        }
    }

    /**
     * Predicts every row of a table that has a value in at least one feature column.
     *
     * @param table    a table with the model's feature columns (numeric)
     * @param canceled asked between chunks of rows; when true, a {@link java.util.concurrent.CancellationException}
     * @return the columns {@value #PREDICTION_COLUMN} (categorical: the classes) and
     *         {@value #PROBABILITY_COLUMN}, NA in rows without any feature value
     * @throws AnalysisException when a feature column is missing or not numeric (naming it)
     */
    public List<Column> predict(DataTable table, BooleanSupplier canceled) throws AnalysisException {
        return predict(table, null, canceled);
    }

    /**
     * Predicts some rows of a table: those given that have a value in at least one feature column.
     *
     * @param table    a table with the model's feature columns (numeric)
     * @param rows     the rows to predict, or {@code null} for all
     * @param canceled asked between chunks of rows; when true, a {@link java.util.concurrent.CancellationException}
     * @return the columns {@value #PREDICTION_COLUMN} and {@value #PROBABILITY_COLUMN}, NA in the other rows
     * @throws AnalysisException when a feature column is missing or not numeric (naming it)
     */
    public List<Column> predict(DataTable table, BitSet rows, BooleanSupplier canceled) throws AnalysisException {
        List<NumericColumn> columns = new ArrayList<>();
        for (String feature : features) {
            Column column = table.findColumn(feature).orElseThrow(
                    () -> new AnalysisException("the table has no column '" + feature + "', a feature of the classifier"));
            if (!(column instanceof NumericColumn numeric)) {
                throw new AnalysisException("column '" + feature + "' is not numeric, but the classifier uses it as a feature");
            }
            columns.add(numeric);
        }
        try (GradientBoosting model = GradientBoosting.load(booster, classes.size())) {
            return predict(model, new FeatureRows(columns), table.rowCount(), rows, classes, canceled);
        }
    }

    /**
     * Predicts with the model's {@link TreeEnsemble} in Java, in blocks of {@value TreeEnsemble#BLOCK}
     * rows on all cores (runs of blocks, each with one {@link TreeEnsemble.Evaluation}); a model the
     * Java evaluator does not support ({@link GradientBoosting#trees()} empty) is predicted by XGBoost
     * in chunks of {@value #CHUNK} rows. Both give the same classes.
     *
     * @param model    the classifier
     * @param features its feature columns
     * @param rowCount the table's row count
     * @param only     the rows to predict, or {@code null} for all
     * @param classes  the class names
     * @param canceled asked between blocks
     * @return the prediction columns of every row (of {@code only}) with a feature value
     */
    static List<Column> predict(GradientBoosting model, FeatureRows features, int rowCount, BitSet only, List<String> classes,
            BooleanSupplier canceled) {
        BitSet predictable = features.rowsWithValues(rowCount);
        if (only != null) {
            predictable.and(only);
        }
        int[] rows = predictable.stream().toArray();
        int k = model.classes();
        int p = features.count();
        int[] codes = new int[rowCount];
        Arrays.fill(codes, -1);
        double[] probability = new double[rowCount];
        java.util.Optional<TreeEnsemble> trees = model.trees();
        if (trees.isPresent()) {
            TreeEnsemble ensemble = trees.get();
            int blocks = (rows.length + TreeEnsemble.BLOCK - 1) / TreeEnsemble.BLOCK;
            // a few runs of blocks per core, each with its own evaluation and buffers (nothing allocated per block)
            int runs = Math.min(blocks, 8 * Runtime.getRuntime().availableProcessors());
            java.util.stream.IntStream.range(0, runs).parallel().forEach(run -> {
                TreeEnsemble.Evaluation evaluation = ensemble.evaluation();
                float[] x = new float[TreeEnsemble.BLOCK * p];
                float[] probabilities = new float[TreeEnsemble.BLOCK * k];
                int end = (int) ((long) blocks * (run + 1) / runs);
                for (int block = (int) ((long) blocks * run / runs); block < end; block++) {
                    if (canceled.getAsBoolean()) {
                        throw new java.util.concurrent.CancellationException();
                    }
                    int from = block * TreeEnsemble.BLOCK;
                    int count = Math.min(TreeEnsemble.BLOCK, rows.length - from);
                    features.read(rows, from, count, x);
                    evaluation.predict(x, count, p, probabilities);
                    choose(probabilities, count, k, rows, from, codes, probability);
                }
            });
        } else {
            // Chunks are predicted on both cores at once: XGBoost's in-place prediction is thread-safe, and
            // much of its time is spent single-threaded in copying results out through JNI.
            int chunks = (rows.length + CHUNK - 1) / CHUNK;
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk -> {
                if (canceled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException();
                }
                int from = chunk * CHUNK;
                int count = Math.min(CHUNK, rows.length - from);
                float[] probabilities = model.predict(features.read(rows, from, count), count, p);
                choose(probabilities, count, k, rows, from, codes, probability);
            });
        }
        BitSet na = new BitSet(rowCount);
        na.set(0, rowCount);
        na.andNot(predictable);
        return List.of(DictionaryColumn.adopt(PREDICTION_COLUMN, codes, classes),
                DoubleArrayColumn.adopt(PROBABILITY_COLUMN, probability, na, false));
    }

    /**
     * Stores the most probable class of each row (the first of equally probable ones) and its probability.
     */
    private static void choose(float[] probabilities, int count, int k, int[] rows, int from, int[] codes, double[] probability) {
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probabilities[i * k + c] > probabilities[i * k + best]) {
                    best = c;
                }
            }
            codes[rows[from + i]] = best;
            probability[rows[from + i]] = probabilities[i * k + best];
        }
    }
}
