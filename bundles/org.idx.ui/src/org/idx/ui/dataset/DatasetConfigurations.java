// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

import org.idx.images.PlatePath;
import org.idx.images.StoreSpec;
import org.idx.io.config.ConfigurationException;
import org.idx.io.config.DatasetConfiguration;
import org.idx.io.config.ImageRootSetting;
import org.idx.io.config.SecondImageMode;

/**
 * Moves a {@link DatasetConfiguration} between its file and a {@link Dataset}: roles go to the table,
 * the image root and the plate path to the dataset's {@link org.idx.images.ImageRoot}. A local image root inside the
 * configuration file's folder is saved relative to it, so a configuration travels with its screen.
 */
public final class DatasetConfigurations {

	private DatasetConfigurations() {
	}

	/**
	 * @param dataset     a dataset
	 * @param secondImage how the second image is shown, if chosen
	 * @param file        the file the configuration will be written to (local roots are made relative to its folder)
	 * @return the dataset's current configuration
	 */
	public static DatasetConfiguration of(Dataset dataset, Optional<SecondImageMode> secondImage, Path file) {
		PlatePath platePath = dataset.images().platePath();
		return new DatasetConfiguration(dataset.table().roles(),
				Optional.of(toSetting(dataset.images().spec(), file.toAbsolutePath().getParent())), secondImage,
				platePath.isDefault() ? Optional.empty() : Optional.of(platePath.text()));
	}

	/**
	 * Applies a configuration: its roles to the table, its image root (if any) and plate path (the default
	 * when it has none) to the dataset's images. A bad plate path applies nothing.
	 *
	 * @param configuration the configuration
	 * @param file          the file it came from (relative local roots are resolved against its folder)
	 * @param dataset       the dataset
	 * @return what was applied and which columns were missing
	 * @throws ConfigurationException if the plate path is not a valid setting (the message names the file and the setting)
	 */
	public static DatasetConfiguration.Applied apply(DatasetConfiguration configuration, Path file, Dataset dataset)
			throws ConfigurationException {
		PlatePath platePath;
		try {
			platePath = PlatePath.parse(configuration.platePath().orElse(null));
		} catch (IllegalArgumentException e) {
			throw new ConfigurationException(file.toString(), 0, 0, e.getMessage());
		}
		DatasetConfiguration.Applied applied = configuration.applyTo(dataset.table());
		configuration.imageRoot()
				.ifPresent(root -> dataset.images().setSpec(toSpec(root, file.toAbsolutePath().getParent())));
		dataset.images().setPlatePath(platePath);
		return applied;
	}

	/**
	 * Restores the configuration file beside a table ({@code <table>.idx-config.json}), if there is one.
	 *
	 * @param dataset a freshly read dataset
	 * @return one sentence saying what was restored, or what went wrong; empty when there is no such file
	 */
	public static Optional<String> restoreBeside(Dataset dataset) {
		Path file = DatasetConfiguration.besideTable(dataset.source());
		if (!java.nio.file.Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			DatasetConfiguration.Applied applied = apply(DatasetConfiguration.read(file), file, dataset);
			String sentence = "The configuration " + file.getFileName() + " beside the table was applied.";
			return Optional.of(applied.missing().isEmpty() ? sentence : sentence + " " + applied.describeMissing());
		} catch (ConfigurationException e) {
			return Optional.of("The configuration beside the table was not applied: " + e.getMessage());
		}
	}

	/**
	 * @param spec   a store spec
	 * @param folder the folder a local path is made relative to, or null
	 * @return the setting saved in a configuration file
	 */
	public static ImageRootSetting toSetting(StoreSpec spec, Path folder) {
		TreeMap<String, String> properties = new TreeMap<>(spec.properties());
		String path = properties.get(StoreSpec.PATH);
		if (StoreSpec.FILE.equals(spec.scheme()) && path != null && folder != null) {
			try {
				Path absolute = Path.of(path).toAbsolutePath().normalize();
				Path base = folder.toAbsolutePath().normalize();
				if (absolute.startsWith(base)) {
					String relative = base.relativize(absolute).toString().replace('\\', '/');
					properties.put(StoreSpec.PATH, relative.isEmpty() ? "." : relative);
				}
			} catch (InvalidPathException e) {
				// keep the path as typed
			}
		}
		return new ImageRootSetting(spec.scheme(), properties);
	}

	/**
	 * @param setting a saved image root
	 * @param folder  the folder a relative local path is resolved against, or null
	 * @return the store spec
	 */
	public static StoreSpec toSpec(ImageRootSetting setting, Path folder) {
		TreeMap<String, String> properties = new TreeMap<>(setting.properties());
		String path = properties.get(StoreSpec.PATH);
		if (StoreSpec.FILE.equals(setting.scheme()) && path != null && folder != null) {
			try {
				properties.put(StoreSpec.PATH, folder.resolve(path).toAbsolutePath().normalize().toString());
			} catch (InvalidPathException e) {
				// keep the path as written: opening the store will say what is wrong with it
			}
		}
		return new StoreSpec(setting.scheme(), properties);
	}
}
