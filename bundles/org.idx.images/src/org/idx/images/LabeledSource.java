// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.List;

/**
 * An image that carries label images of its own (a segmentation stored with it, e.g. the
 * {@code labels/} of an OME-Zarr image). Optional: a viewer checks {@code source instanceof LabeledSource}
 * and, when a dataset names no mask image of its own, shows one of these as the mask (the one the user
 * chose by name, e.g. {@code nuclei} or {@code cells}, else the first). A label image is
 * an image like any other, opened by its key through the same store; its samples are object numbers
 * (0 = background) on the same pixel grid as the image.
 */
public interface LabeledSource extends ImageSource {

    /**
     * Lists all the label images, by name; may read metadata, so call it off the UI thread.
     *
     * @return the names of the label images, in the order the image lists them (empty when it has none)
     * @throws ImageAccessException if the list cannot be read
     */
    List<String> labelImages() throws ImageAccessException;

    /**
     * @param name a name from {@link #labelImages()}
     * @return the key of that label image, to open like any image in the same store
     */
    String labelImageKey(String name);
}
