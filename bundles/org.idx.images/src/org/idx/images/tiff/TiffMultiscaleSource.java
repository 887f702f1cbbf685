// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.tiff;

import java.util.List;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;

/**
 * A pyramidal TIFF: level 0 (the full-resolution pages) and its reduced-resolution levels, each a
 * {@link TiffImageSource} of its own with the same channels, focal planes and time points.
 */
final class TiffMultiscaleSource implements MultiscaleSource {

    private final List<TiffImageSource> levels;
    private final String problem;

    /**
     * @param levels  level 0 first, at least two
     * @param problem why further levels were ignored, or null
     */
    TiffMultiscaleSource(List<TiffImageSource> levels, String problem) {
        this.levels = List.copyOf(levels);
        this.problem = problem;
    }

    /** @return why reduced-resolution levels of the file were ignored (a sentence naming the file and directory), or null */
    String levelProblem() {
        return problem;
    }

    @Override
    public String key() {
        return levels.get(0).key();
    }

    @Override
    public ImageMetadata metadata() {
        return levels.get(0).metadata();
    }

    @Override
    public Plane plane(PlaneIndex index) throws ImageAccessException {
        return levels.get(0).plane(index);
    }

    @Override
    public Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
        return levels.get(0).region(index, region);
    }

    @Override
    public boolean readsRegionsDirectly() {
        return levels.get(0).readsRegionsDirectly();
    }

    @Override
    public int levelCount() {
        return levels.size();
    }

    @Override
    public ImageSource level(int level) {
        return level == 0 ? this : levels.get(level);
    }

    @Override
    public String toString() {
        return "TiffMultiscaleSource[" + key() + ", " + levels.size() + " levels]";
    }
}
