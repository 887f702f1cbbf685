// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The images of one dataset: where they live ({@link StoreSpec}), the opened {@link ImageStore}, the
 * readers that decode them and a {@link PlaneCache} of decoded planes. Every view of the dataset (image
 * viewers, gallery) goes through the same root, so a plane decoded for one is at hand for the others,
 * and a changed root reaches all of them through {@link #addListener(Consumer)}. What is worked out
 * from the images as a whole (e.g. the index of a screen's plates) is made once per root and shared
 * through {@link #derived(Derivation)}; where a screen's plates lie below the root is its
 * {@link #platePath()}. Thread-safe.
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

    /** The values of derivations for the current spec and plate path, made (or being made) once each. */
    private final Map<Derivation<?>, FutureTask<?>> derivedValues = new HashMap<>();

    private StoreSpec spec;
    private ImageStore store;
    private ImageAccessException problem;
    private PlatePath platePath = PlatePath.DEFAULT;

    /**
     * Something worked out once from the images of a root and shared by every view of the dataset (e.g.
     * the index of a screen's plates), see {@link ImageRoot#derived(Derivation)}.
     *
     * @param <T> the value
     */
    @FunctionalInterface
    public interface Derivation<T> {
        /**
         * Works the value out; may read metadata (it runs off the UI thread).
         *
         * @param root  the root
         * @param store its opened store
         * @return the value
         * @throws ImageAccessException if the images cannot be read
         */
        T derive(ImageRoot root, ImageStore store) throws ImageAccessException;
    }

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
            derivedValues.clear();
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

    /** @return where the HCS plates of a screen lie below the root ({@link PlatePath#DEFAULT} unless configured) */
    public synchronized PlatePath platePath() {
        return platePath;
    }

    /**
     * Says where the plates lie below the root; what was derived from the images is forgotten and the
     * listeners told, as when the root is pointed elsewhere.
     *
     * @param next the plate path
     */
    public void setPlatePath(PlatePath next) {
        Objects.requireNonNull(next);
        synchronized (this) {
            if (next.equals(platePath)) {
                return;
            }
            platePath = next;
            derivedValues.clear();
        }
        for (Consumer<ImageRoot> listener : listeners) {
            listener.accept(this);
        }
    }

    /**
     * The value of a derivation for what the root points at now: the first caller works it out, callers
     * meanwhile wait for that value, later ones get it at once; it is forgotten when the root is pointed
     * elsewhere or its plate path changes (a failure is not kept: the next call tries again). Derivations
     * are told apart by identity: use one instance, e.g. a constant. Call it off the UI thread.
     *
     * @param <T>        the value
     * @param derivation what to work out
     * @return the value
     * @throws ImageAccessException if the root cannot be opened or the derivation fails
     */
    public <T> T derived(Derivation<T> derivation) throws ImageAccessException {
        Objects.requireNonNull(derivation);
        FutureTask<?> task;
        boolean mine = false;
        synchronized (this) {
            task = derivedValues.get(derivation);
            if (task == null) {
                ImageStore current = store();
                task = new FutureTask<>(() -> derivation.derive(this, current));
                derivedValues.put(derivation, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            @SuppressWarnings("unchecked")
            T value = (T) task.get();
            return value;
        } catch (ExecutionException e) {
            forget(derivation, task);
            if (e.getCause() instanceof ImageAccessException access) {
                throw access;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageAccessException("Interrupted while waiting for the image root's metadata.", e);
        }
    }

    private synchronized void forget(Derivation<?> derivation, FutureTask<?> failed) {
        derivedValues.remove(derivation, failed);
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
