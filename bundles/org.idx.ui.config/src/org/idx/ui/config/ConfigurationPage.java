// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTableEvent;
import org.idx.core.DataTableListener;
import org.idx.images.PlatePath;
import org.idx.images.StoreSpec;
import org.idx.io.config.ConfigurationException;
import org.idx.io.config.DatasetConfiguration;
import org.idx.io.config.SecondImageMode;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.dataset.DatasetConfigurations;
import org.idx.ui.editor.DatasetPageContext;
import org.idx.ui.editor.IDatasetPage;

/**
 * The Configuration page of the dataset editor: what links the rows to their images. A changed role
 * goes to the table at once ({@code setRoles}, so every view follows), a changed image root or plate path
 * to the dataset's images ({@code setSpec}, {@code setPlatePath}). Save configuration... and Load configuration... write and read
 * the file format of {@code docs/configuration.md}; loading onto a table that lacks some of the
 * configured columns applies the rest and names the missing ones. When the table's roles were not
 * detected and no configuration sits beside it, the first-open wizard is offered.
 */
public final class ConfigurationPage implements IDatasetPage {

	/** The key under which the page's top control holds the page (for tests and tools). */
	public static final String DATA_KEY = "org.idx.ui.config.page";

	private Dataset dataset;
	private ConfigurationForm form;
	private Label status;
	private Composite content;
	private Optional<SecondImageMode> secondImage = Optional.empty();
	private final DataTableListener tableListener = this::tableChanged;

	@Override
	public Control createControl(Composite parent, DatasetPageContext context) {
		dataset = context.dataset();
		ScrolledComposite scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		scroller.setData(DATA_KEY, this);
		content = new Composite(scroller, SWT.NONE);
		content.setLayout(new GridLayout(1, false));

		Label notes = new Label(content, SWT.WRAP);
		notes.setLayoutData(wide());
		notes.setText(dataset.roleNotes().isEmpty() ? "No column roles were recognised from the column names."
				: "Detected: " + String.join(" ", dataset.roleNotes()));

		Composite buttons = new Composite(content, SWT.NONE);
		buttons.setLayout(new GridLayout(2, false));
		Button save = new Button(buttons, SWT.PUSH);
		save.setText("Save configuration...");
		save.addListener(SWT.Selection, event -> chooseAndSave());
		Button load = new Button(buttons, SWT.PUSH);
		load.setText("Load configuration...");
		load.addListener(SWT.Selection, event -> chooseAndLoad());
		status = new Label(content, SWT.WRAP);
		status.setLayoutData(wide());

		secondImage = savedSecondImage();
		form = new ConfigurationForm(content, dataset.table(), new ConfigurationForm.Listener() {
			@Override
			public void rolesChanged(ColumnRoles roles) {
				dataset.table().setRoles(roles);
			}

			@Override
			public void rootChanged(StoreSpec spec) {
				dataset.images().setSpec(spec);
			}

			@Override
			public void platePathChanged(PlatePath path) {
				dataset.images().setPlatePath(path);
			}

			@Override
			public void secondImageChanged(SecondImageMode mode) {
				secondImage = Optional.of(mode);
			}
		});
		form.show(dataset.table().roles(), dataset.images().spec(), dataset.images().platePath(), secondImage);
		dataset.table().addListener(tableListener);

		scroller.setContent(content);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.addListener(SWT.Resize, event -> scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT)));
		content.addListener(SWT.Resize, event -> scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT)));

		if (FirstOpen.shouldAsk(dataset)) {
			scroller.getDisplay().asyncExec(() -> {
				if (!scroller.isDisposed()) {
					FirstOpen.ask(scroller.getShell(), dataset, this::applyFromWizard);
				}
			});
		}
		return scroller;
	}

	private static GridData wide() {
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 600;
		return data;
	}

	/** The second-image mode of the configuration beside the table, which the reader does not keep. */
	private Optional<SecondImageMode> savedSecondImage() {
		Path beside = DatasetConfiguration.besideTable(dataset.source());
		if (Files.isRegularFile(beside)) {
			try {
				return DatasetConfiguration.read(beside).secondImage();
			} catch (ConfigurationException e) {
				return Optional.empty(); // the role notes already say why it was not applied
			}
		}
		return Optional.empty();
	}

	private void applyFromWizard(ConfigurationWizard.Result result) {
		dataset.table().setRoles(result.roles());
		dataset.images().setSpec(result.spec());
		dataset.images().setPlatePath(result.platePath());
		secondImage = Optional.of(result.secondImage());
		form.show(result.roles(), result.spec(), result.platePath(), secondImage);
		setStatus("Configured with the first-open wizard.");
	}

	private void tableChanged(DataTableEvent event) {
		if (content.isDisposed()) {
			return;
		}
		content.getDisplay().asyncExec(() -> {
			if (content.isDisposed()) {
				return;
			}
			if (event.kind() == DataTableEvent.Kind.ROLES_CHANGED) {
				if (!form.roles().equals(dataset.table().roles())) {
					form.showRoles(dataset.table().roles());
				}
			} else if (event.kind() == DataTableEvent.Kind.COLUMN_ADDED || event.kind() == DataTableEvent.Kind.COLUMN_REMOVED) {
				form.refreshColumns();
			}
		});
	}

	private void chooseAndSave() {
		FileDialog dialog = new FileDialog(content.getShell(), SWT.SAVE);
		dialog.setText("Save configuration");
		dialog.setFilterExtensions(new String[] { "*.json", "*" });
		Path suggested = DatasetConfiguration.besideTable(dataset.source());
		dialog.setFilterPath(suggested.getParent().toString());
		dialog.setFileName(suggested.getFileName().toString());
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			save(Path.of(chosen));
		}
	}

	private void chooseAndLoad() {
		FileDialog dialog = new FileDialog(content.getShell(), SWT.OPEN);
		dialog.setText("Load configuration");
		dialog.setFilterExtensions(new String[] { "*.json", "*" });
		dialog.setFilterPath(dataset.source().toAbsolutePath().getParent().toString());
		String chosen = dialog.open();
		if (chosen != null) {
			load(Path.of(chosen));
		}
	}

	/**
	 * Writes the dataset's configuration (what Save configuration... does after its file dialog).
	 *
	 * @param file the file
	 * @return whether it was written; if not, the page says why
	 */
	public boolean save(Path file) {
		try {
			DatasetConfigurations.of(dataset, Optional.of(form.secondImageMode()), file).write(file);
			setStatus("Saved the configuration to " + file + "."
					+ (file.equals(DatasetConfiguration.besideTable(dataset.source())) ? " It will be applied whenever this table is opened." : ""));
			return true;
		} catch (IOException e) {
			ILog.of(getClass()).log(Status.error("The configuration could not be saved to " + file + ".", e));
			setStatus("The configuration could not be saved to " + file + ": " + e.getMessage());
			return false;
		}
	}

	/**
	 * Reads a configuration file and applies it (what Load configuration... does after its file dialog).
	 *
	 * @param file the file
	 * @return what was applied, or empty when the file could not be read (the page says why)
	 */
	public Optional<DatasetConfiguration.Applied> load(Path file) {
		try {
			DatasetConfiguration configuration = DatasetConfiguration.read(file);
			DatasetConfiguration.Applied applied = DatasetConfigurations.apply(configuration, file, dataset);
			if (configuration.secondImage().isPresent()) {
				secondImage = configuration.secondImage();
			}
			form.show(dataset.table().roles(), dataset.images().spec(), dataset.images().platePath(), secondImage);
			String sentence = "Loaded the configuration " + file + ".";
			setStatus(applied.missing().isEmpty() ? sentence : sentence + " " + applied.describeMissing());
			return Optional.of(applied);
		} catch (ConfigurationException e) {
			ILog.of(getClass()).log(Status.warning(e.getMessage(), e));
			setStatus("The configuration was not loaded: " + e.getMessage());
			return Optional.empty();
		}
	}

	private void setStatus(String text) {
		status.setText(text);
		content.layout(true, true);
	}

	/** @return the dataset configured */
	public Dataset dataset() {
		return dataset;
	}

	/** @return the page's status line (what the last save or load did) */
	public String status() {
		return status.getText();
	}

	@Override
	public void setFocus() {
		content.setFocus();
	}

	@Override
	public void dispose() {
		if (dataset != null) {
			dataset.table().removeListener(tableListener);
		}
	}
}
