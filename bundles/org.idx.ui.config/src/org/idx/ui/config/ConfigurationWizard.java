// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.idx.core.ColumnRoles;
import org.idx.images.PlatePath;
import org.idx.images.StoreSpec;
import org.idx.io.config.SecondImageMode;
import org.idx.ui.dataset.Dataset;

/**
 * The first-open wizard: one page with the role pickers and the image root of the Configuration page,
 * offered when a table's image column or anchors were not recognised. Nothing changes until Finish;
 * "Don't ask again" turns the offer off for good (the Configuration page stays).
 */
final class ConfigurationWizard extends Wizard {

	/**
	 * What the user chose.
	 *
	 * @param roles       the column roles
	 * @param spec        the image root
	 * @param platePath   where the plates lie below the image root
	 * @param secondImage how the second image is shown
	 */
	record Result(ColumnRoles roles, StoreSpec spec, PlatePath platePath, SecondImageMode secondImage) {
	}

	private final Dataset dataset;
	private final Consumer<Result> onFinish;
	private ConfigurationForm form;
	private Button dontAsk;

	ConfigurationWizard(Dataset dataset, Consumer<Result> onFinish) {
		this.dataset = dataset;
		this.onFinish = onFinish;
		setWindowTitle("Configure " + dataset.name());
	}

	@Override
	public void addPages() {
		addPage(new WizardPage("roles") {
			@Override
			public void createControl(Composite parent) {
				setTitle("What links the rows to their images?");
				setDescription("Not every role was recognised from the column names of " + dataset.name()
						+ ". Choose the image column, the anchors and where the images live.");
				Composite content = new Composite(parent, SWT.NONE);
				content.setLayout(new GridLayout(1, false));
				form = new ConfigurationForm(content, dataset.table(), new ConfigurationForm.Listener() {
					@Override
					public void rolesChanged(ColumnRoles roles) {
						// applied on Finish
					}

					@Override
					public void rootChanged(StoreSpec spec) {
						// applied on Finish
					}
				});
				form.show(dataset.table().roles(), dataset.images().spec(), dataset.images().platePath(), Optional.empty());
				dontAsk = new Button(content, SWT.CHECK);
				dontAsk.setText("Don't ask again when a table's roles are not recognised");
				dontAsk.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
				setControl(content);
			}
		});
	}

	@Override
	public boolean performFinish() {
		rememberChoice();
		onFinish.accept(new Result(form.roles(), form.spec(), form.platePath(), form.secondImageMode()));
		return true;
	}

	@Override
	public boolean performCancel() {
		rememberChoice();
		return true;
	}

	private void rememberChoice() {
		if (dontAsk != null && dontAsk.getSelection()) {
			FirstOpen.setAsk(false);
		}
	}
}
