// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, immutable list of {@link Label}s with distinct names. The position of a label is
 * its code in the annotation column, so the order is the order of the column's levels. Every
 * change returns a new set.
 */
public final class LabelSet {

    /** The set without labels. */
    public static final LabelSet EMPTY = new LabelSet(List.of());

    /**
     * Distinct colours for the first labels, as 0xRRGGBB: the scatter plot's categorical palette
     * (Okabe-Ito first), so that a plot coloured by the annotation column shows each label in its
     * default colour.
     */
    private static final int[] PALETTE = { 0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442,
            0x000000, 0x8C564B, 0x7F7F7F };

    private final List<Label> labels;

    private LabelSet(List<Label> labels) {
        this.labels = List.copyOf(labels);
        for (int i = 0; i < this.labels.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.labels.get(i).name().equals(this.labels.get(j).name())) {
                    throw new IllegalArgumentException("label '" + this.labels.get(i).name() + "' occurs twice");
                }
            }
        }
    }

    /**
     * @param labels labels with distinct names, in order
     * @return the set
     * @throws IllegalArgumentException when names repeat
     */
    public static LabelSet of(Collection<Label> labels) {
        return new LabelSet(new ArrayList<>(labels));
    }

    /**
     * @param names label names, in order
     * @return a set of these labels in the default colours
     */
    public static LabelSet named(Collection<String> names) {
        List<Label> labels = new ArrayList<>();
        for (String name : names) {
            labels.add(new Label(name, defaultColour(labels.size())));
        }
        return new LabelSet(labels);
    }

    /**
     * @param index a label position
     * @return a colour for the label at that position, distinct for the first ten
     */
    public static int defaultColour(int index) {
        if (index < PALETTE.length) {
            return PALETTE[index];
        }
        // Golden-angle hues beyond the palette.
        float hue = (index * 137.508f) % 360f;
        return hsvToRgb(hue, 0.65f, 0.85f);
    }

    private static int hsvToRgb(float hue, float saturation, float value) {
        float c = value * saturation;
        float x = c * (1 - Math.abs((hue / 60f) % 2 - 1));
        float m = value - c;
        float[] rgb = switch ((int) (hue / 60f)) {
        case 0 -> new float[] { c, x, 0 };
        case 1 -> new float[] { x, c, 0 };
        case 2 -> new float[] { 0, c, x };
        case 3 -> new float[] { 0, x, c };
        case 4 -> new float[] { x, 0, c };
        default -> new float[] { c, 0, x };
        };
        int r = Math.round((rgb[0] + m) * 255);
        int g = Math.round((rgb[1] + m) * 255);
        int b = Math.round((rgb[2] + m) * 255);
        return (r << 16) | (g << 8) | b;
    }

    /** @return the labels in order (unmodifiable) */
    public List<Label> labels() {
        return labels;
    }

    /** @return the label names in order, i.e. the annotation column's levels */
    public List<String> names() {
        return labels.stream().map(Label::name).toList();
    }

    /** @return the number of labels */
    public int size() {
        return labels.size();
    }

    /**
     * @param index a position in {@code [0, size())}
     * @return the label there
     */
    public Label label(int index) {
        return labels.get(index);
    }

    /**
     * @param name a label name
     * @return its position, or {@code -1}
     */
    public int indexOf(String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param name a label name
     * @return the label of that name
     */
    public Optional<Label> find(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(labels.get(index));
    }

    /**
     * @param label a label whose name is not in the set yet
     * @return a copy with the label appended
     */
    public LabelSet with(Label label) {
        List<Label> copy = new ArrayList<>(labels);
        copy.add(label);
        return new LabelSet(copy);
    }

    /**
     * @param index a position
     * @param name  the new name, not used by another label
     * @return a copy with the label at {@code index} renamed
     */
    public LabelSet renamed(int index, String name) {
        List<Label> copy = new ArrayList<>(labels);
        copy.set(index, new Label(name, labels.get(index).rgb()));
        return new LabelSet(copy);
    }

    /**
     * @param index a position
     * @param rgb   the new colour, {@code 0xRRGGBB}
     * @return a copy with the label at {@code index} in the new colour
     */
    public LabelSet recoloured(int index, int rgb) {
        List<Label> copy = new ArrayList<>(labels);
        copy.set(index, new Label(labels.get(index).name(), rgb));
        return new LabelSet(copy);
    }

    /**
     * @param index a position
     * @return a copy without the label at {@code index}; the labels after it move up one
     */
    public LabelSet without(int index) {
        List<Label> copy = new ArrayList<>(labels);
        copy.remove(index);
        return new LabelSet(copy);
    }

    /**
     * @param index a position in {@code [0, size()]}
     * @param label a label whose name is not in the set yet
     * @return a copy with the label at {@code index}; the labels from there on move down one
     */
    public LabelSet inserted(int index, Label label) {
        List<Label> copy = new ArrayList<>(labels);
        copy.add(index, label);
        return new LabelSet(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSet that && labels.equals(that.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSet" + labels;
    }
}
