// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.roles.ColumnRoleDetector;
import org.idx.images.PlatePath;
import org.idx.images.StoreSpec;
import org.idx.io.config.SecondImageMode;
import org.idx.ui.dataset.ImageServices;

/**
 * The input configuration as a form, shared by the Configuration page and the first-open wizard: the
 * column of each role, how the second image is shown, where the images live (and where their plates lie
 * below the root: {@link PlatePathField}), and a preview line saying
 * whether the first row's image is found (checked in a background job after every change).
 */
final class ConfigurationForm {

	/** Told what the user changed. */
	interface Listener {
		/** @param roles the new role assignment */
		void rolesChanged(ColumnRoles roles);

		/** @param spec the new image root */
		void rootChanged(StoreSpec spec);

		/** @param path the new plate path (valid) */
		default void platePathChanged(PlatePath path) {
			// optional
		}

		/** @param mode the new second-image mode */
		default void secondImageChanged(SecondImageMode mode) {
			// optional
		}
	}

	private static final String[] MODES = { "overlay", "side by side" };

	private final DataTable table;
	private final RoleForm roles;
	private final Combo secondImage;
	private final ImageRootForm root;
	private final PlatePathField platePath;
	private final Label preview;
	private Job previewJob;
	private int previewGeneration;

	/**
	 * @param parent   the parent (with a one-column grid layout); roles on the left, the image root on the right
	 * @param table    the table configured
	 * @param listener told of each change
	 */
	ConfigurationForm(Composite parent, DataTable table, Listener listener) {
		this.table = table;
		Composite columns = new Composite(parent, SWT.NONE);
		columns.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout twoColumns = new GridLayout(2, false);
		twoColumns.marginWidth = 0;
		twoColumns.horizontalSpacing = 12;
		columns.setLayout(twoColumns);
		Group rolesGroup = group(columns, "Column roles");
		rolesGroup.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		Composite right = new Composite(columns, SWT.NONE);
		right.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		GridLayout rightLayout = new GridLayout(1, false);
		rightLayout.marginWidth = 0;
		rightLayout.marginHeight = 0;
		right.setLayout(rightLayout);
		roles = new RoleForm(rolesGroup, table, ColumnRoleDetector.detect(table).roles(), chosen -> {
			listener.rolesChanged(chosen);
			updatePreview();
		});
		Composite modeRow = new Composite(rolesGroup, SWT.NONE);
		modeRow.setLayout(new GridLayout(2, false));
		new Label(modeRow, SWT.NONE).setText("Show the second image:");
		secondImage = new Combo(modeRow, SWT.READ_ONLY | SWT.DROP_DOWN);
		secondImage.setItems(MODES);
		secondImage.select(0);
		secondImage.addListener(SWT.Selection, event -> listener.secondImageChanged(secondImageMode()));

		Group rootGroup = group(right, "Image root (image paths are relative to it)");
		root = new ImageRootForm(rootGroup, new RootKinds(), ImageServices.get().stores(), spec -> {
			listener.rootChanged(spec);
			updatePreview();
		});
		platePath = new PlatePathField(rootGroup, path -> {
			listener.platePathChanged(path);
			updatePreview();
		});
		Group checkGroup = group(right, "First row");
		preview = new Label(checkGroup, SWT.WRAP);
		preview.setData("org.idx.ui.config.preview", Boolean.TRUE);
		GridData previewData = new GridData(SWT.FILL, SWT.TOP, true, false);
		previewData.widthHint = 380;
		preview.setLayoutData(previewData);
	}

	private static Group group(Composite parent, String title) {
		Group group = new Group(parent, SWT.NONE);
		group.setText(title);
		group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		group.setLayout(new GridLayout(1, false));
		return group;
	}

	/**
	 * Shows a configuration without telling the listener.
	 *
	 * @param shownRoles the roles
	 * @param spec       the image root
	 * @param plates     the plate path
	 * @param mode       the second-image mode, if set
	 */
	void show(ColumnRoles shownRoles, StoreSpec spec, PlatePath plates, Optional<SecondImageMode> mode) {
		roles.show(shownRoles);
		root.show(spec);
		platePath.show(plates);
		mode.ifPresent(m -> secondImage.select(m == SecondImageMode.OVERLAY ? 0 : 1));
		updatePreview();
	}

	/** Shows the table's roles again (after the table changed them) and refreshes the preview. */
	void showRoles(ColumnRoles shownRoles) {
		roles.show(shownRoles);
		updatePreview();
	}

	/** Refills the column choices after the table gained columns. */
	void refreshColumns() {
		roles.refreshColumns();
	}

	/** @return the roles shown */
	ColumnRoles roles() {
		return roles.roles();
	}

	/** @return the image root shown */
	StoreSpec spec() {
		return root.spec();
	}

	/** @return the plate path in effect (the last valid one) */
	PlatePath platePath() {
		return platePath.platePath();
	}

	/** @return the second-image mode shown */
	SecondImageMode secondImageMode() {
		return secondImage.getSelectionIndex() == 1 ? SecondImageMode.SIDE_BY_SIDE : SecondImageMode.OVERLAY;
	}

	/** Checks the first row's image in a job and shows the line it gives. */
	void updatePreview() {
		ColumnRoles currentRoles = roles.roles();
		StoreSpec spec = root.spec();
		PlatePath plates = platePath.platePath();
		if (previewJob != null) {
			previewJob.cancel();
		}
		int generation = ++previewGeneration;
		preview.setText("Checking the first row's image…");
		Job job = Job.create("Checking the first image", monitor -> {
			ImageServices services = ImageServices.get();
			String line = ImagePreview.describe(table, currentRoles, spec, plates, services.stores(), services.readers());
			if (!monitor.isCanceled() && !preview.isDisposed()) {
				preview.getDisplay().asyncExec(() -> {
					if (!preview.isDisposed() && generation == previewGeneration) {
						preview.setText(line);
						preview.getParent().layout();
					}
				});
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		previewJob = job;
		job.schedule();
	}

	RoleForm roleForm() {
		return roles;
	}

	ImageRootForm rootForm() {
		return root;
	}

	Label preview() {
		return preview;
	}
}
