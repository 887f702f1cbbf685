// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The images of one dataset: where they live ({@link StoreSpec}), the opened {@link ImageStore}, the
 * readers that decode them and a {@link PlaneCache} of decoded planes. Every view of the dataset (image
 * viewers, gallery) goes through the same root, so a plane decoded for one is at hand for the others,
 * and a changed root reaches all of them through {@link #addListener(Consumer)}. Thread-safe.
 */
public final class ImageRoot {

    private static final int OPEN_SOURCES = 64;

    private final StoreRegistry stores;
    private final ReaderRegistry readers;
    private final PlaneCache cache;
    private final CopyOnWriteArrayList<Consumer<ImageRoot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ImageSource> sources = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImageSource> eldest) {
            return size() > OPEN_SOURCES;
        }
    };

    private StoreSpec spec;
    private ImageStore store;
    private ImageAccessException problem;

    /**
     * @param stores  the kinds of store that can be opened
     * @param readers the image readers
     * @param cache   the plane cache (usually shared by all datasets)
     * @param spec    where the images live
     */
    public ImageRoot(StoreRegistry stores, ReaderRegistry readers, PlaneCache cache, StoreSpec spec) {
        this.stores = Objects.requireNonNull(stores);
        this.readers = Objects.requireNonNull(readers);
        this.cache = Objects.requireNonNull(cache);
        setSpec(spec);
    }

    /** @return where the images live */
    public synchronized StoreSpec spec() {
        return spec;
    }

    /**
     * Points the root somewhere else; opened images are forgotten and the listeners told.
     *
     * @param next where the images live now
     */
    public void setSpec(StoreSpec next) {
        Objects.requireNonNull(next);
        synchronized (this) {
            if (next.equals(spec) && problem == null && store != null) {
                return;
            }
            spec = next;
            sources.clear();
            try {
                store = stores.open(next);
                problem = null;
            } catch (ImageAccessException e) {
                store = null;
                problem = e;
            }
        }
        for (Consumer<ImageRoot> listener : listeners) {
            listener.accept(this);
        }
    }

    /**
     * @return the opened store
     * @throws ImageAccessException if the spec could not be opened (the message says why)
     */
    public synchronized ImageStore store() throws ImageAccessException {
        if (store == null) {
            throw problem;
        }
        return store;
    }

    /** @return the readers */
    public ReaderRegistry readers() {
        return readers;
    }

    /** @return the kinds of store that can be opened */
    public StoreRegistry stores() {
        return stores;
    }

    /** @return the plane cache */
    public PlaneCache cache() {
        return cache;
    }

    /**
     * Opens an image, or returns it from the few kept open. Reads the header: call it off the UI thread.
     *
     * @param key the image's key, e.g. the value of the image column
     * @return the opened image
     * @throws ImageAccessException if the key is refused, the image is missing, unreadable or unsupported
     */
    public ImageSource open(String key) throws ImageAccessException {
        ImageStore current;
        synchronized (this) {
            ImageSource open = sources.get(key);
            if (open != null) {
                return open;
            }
            current = store();
        }
        ImageSource source = readers.open(current, key);
        synchronized (this) {
            if (store == current) {
                sources.put(key, source);
            }
        }
        return source;
    }

    /**
     * A plane, from the cache or decoded now. Call it off the UI thread.
     *
     * @param source an image opened by {@link #open(String)}
     * @param index  the plane
     * @return the plane
     * @throws ImageAccessException if it cannot be read
     */
    public Plane plane(ImageSource source, PlaneIndex index) throws ImageAccessException {
        return cache.get(cacheKey(source, index), () -> source.plane(index));
    }

    /**
     * A rectangle of a plane: cut from the cached plane when the cache holds it, else read directly
     * when the source can fetch only the rectangle ({@link ImageSource#readsRegionsDirectly()}), else
     * cut from the plane read through the cache. Call it off the UI thread.
     *
     * @param source an image opened by {@link #open(String)}
     * @param index  the plane
     * @param region the rectangle, in pixels of the plane
     * @return the rectangle's samples
     * @throws ImageAccessException if it cannot be read
     */
    public Plane region(ImageSource source, PlaneIndex index, PlaneRegion region) throws ImageAccessException {
        PlaneCache.Key key = cacheKey(source, index);
        Plane whole = cache.peek(key);
        if (whole != null) {
            return region.cut(whole);
        }
        if (source.readsRegionsDirectly()) {
            return source.region(index, region);
        }
        return region.cut(cache.get(key, () -> source.plane(index)));
    }

    private PlaneCache.Key cacheKey(ImageSource source, PlaneIndex index) {
        String identity;
        synchronized (this) {
            identity = spec.scheme() + ":" + spec.properties();
        }
        return new PlaneCache.Key(identity, source.key(), index);
    }

    /** @param listener told (on the thread that changed it) when the root points elsewhere */
    public void addListener(Consumer<ImageRoot> listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added before */
    public void removeListener(Consumer<ImageRoot> listener) {
        listeners.remove(listener);
    }
}
