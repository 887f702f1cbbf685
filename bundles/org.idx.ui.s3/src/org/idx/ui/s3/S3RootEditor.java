// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.s3;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.idx.images.ImageAccessException;
import org.idx.images.StoreSpec;
import org.idx.images.s3.S3Credentials;
import org.idx.images.s3.S3Location;
import org.idx.ui.config.RootEditor;

/**
 * The fields of an {@code s3} image root: endpoint, region, bucket, prefix, path-style, anonymous, AWS
 * profile; and an access key id and secret that go to {@link S3SecureStorage} (never into the spec). The
 * keys typed in are stored when the user commits them (Enter, leaving the field) or when the spec is asked
 * for (Test connection, saving); the fields are then emptied and the stored key id is shown masked.
 */
public final class S3RootEditor implements RootEditor {

	/** The widget data key naming the spec property (or {@link #KEY_ID_FIELD}, {@link #SECRET_FIELD}) of a field. */
	public static final String FIELD = "org.idx.ui.s3.field";
	/** The {@link #FIELD} of the access key id. */
	public static final String KEY_ID_FIELD = "accessKeyId";
	/** The {@link #FIELD} of the secret key. */
	public static final String SECRET_FIELD = "secretKey";
	/** The {@link #FIELD} of the label saying which key is stored. */
	public static final String STORED_FIELD = "stored";

	private final Map<String, Text> texts = new LinkedHashMap<>();
	private final Map<String, Button> checks = new LinkedHashMap<>();
	private String scheme;
	private Text keyId;
	private Text secret;
	private Label stored;
	/** Why the keys typed last were not stored, until they are or another root is shown. */
	private String keyProblem;

	@Override
	public Control createControl(Composite parent, String edited, Runnable committed) {
		scheme = edited;
		Runnable onCommit = () -> {
			committed.run();
			showStored();
		};
		Composite root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		root.setLayout(layout);
		text(root, S3Location.ENDPOINT, "Endpoint URL:", "e.g. https://s3.example.org:9000 (empty: AWS S3)", SWT.NONE, onCommit);
		text(root, S3Location.REGION, "Region:", S3Location.DEFAULT_REGION, SWT.NONE, onCommit);
		text(root, S3Location.BUCKET, "Bucket:", "the bucket holding the images", SWT.NONE, onCommit);
		text(root, S3Location.PREFIX, "Prefix:", "folder inside the bucket image paths are relative to (optional)", SWT.NONE, onCommit);
		check(root, S3Location.PATH_STYLE, "Path-style addressing (http://host/bucket/key; most non-AWS servers)", onCommit);
		Button anonymous = check(root, S3Location.ANONYMOUS, "Anonymous access (public bucket, no credentials)", onCommit);
		text(root, S3Location.PROFILE, "AWS profile:", "optional: a profile of ~/.aws/credentials", SWT.NONE, onCommit);
		keyId = text(root, KEY_ID_FIELD, "Access key ID:", "stored in Eclipse secure storage, not in the configuration", SWT.NONE, onCommit);
		secret = text(root, SECRET_FIELD, "Secret key:", "stored in Eclipse secure storage", SWT.PASSWORD, onCommit);
		new Label(root, SWT.NONE);
		Composite storedRow = new Composite(root, SWT.NONE);
		GridLayout rowLayout = new GridLayout(2, false);
		rowLayout.marginWidth = 0;
		rowLayout.marginHeight = 0;
		storedRow.setLayout(rowLayout);
		storedRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		stored = new Label(storedRow, SWT.WRAP);
		stored.setData(FIELD, STORED_FIELD);
		stored.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button forget = new Button(storedRow, SWT.PUSH);
		forget.setText("Forget Keys");
		forget.setToolTipText("Remove the keys of this endpoint and bucket from secure storage");
		forget.addListener(SWT.Selection, event -> forgetKeys());
		anonymous.addListener(SWT.Selection, event -> enableKeys());
		return root;
	}

	private Text text(Composite root, String property, String label, String message, int style, Runnable onCommit) {
		new Label(root, SWT.NONE).setText(label);
		Text text = new Text(root, SWT.BORDER | SWT.SINGLE | style);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 300;
		text.setLayoutData(data);
		text.setMessage(message);
		text.setData(FIELD, property);
		text.addListener(SWT.DefaultSelection, event -> onCommit.run());
		text.addListener(SWT.FocusOut, event -> onCommit.run());
		texts.put(property, text);
		return text;
	}

	private Button check(Composite root, String property, String label, Runnable onCommit) {
		new Label(root, SWT.NONE);
		Button check = new Button(root, SWT.CHECK);
		check.setText(label);
		check.setData(FIELD, property);
		check.addListener(SWT.Selection, event -> onCommit.run());
		checks.put(property, check);
		return check;
	}

	@Override
	public void setSpec(StoreSpec spec) {
		texts.forEach((property, text) -> {
			if (text != keyId && text != secret) {
				String value = spec.property(property);
				text.setText(value == null ? "" : value);
			}
		});
		checks.forEach((property, check) -> check.setSelection("true".equalsIgnoreCase(String.valueOf(spec.property(property)).trim())));
		keyId.setText("");
		secret.setText("");
		keyProblem = null;
		enableKeys();
		showStored();
	}

	/** @return the settings as a spec; keys typed into the key fields are first moved to secure storage */
	@Override
	public StoreSpec spec() {
		StoreSpec spec = settings();
		storeTypedKeys(spec);
		return spec;
	}

	private StoreSpec settings() {
		Map<String, String> properties = new LinkedHashMap<>();
		texts.forEach((property, text) -> {
			String value = text.getText().trim();
			if (text != keyId && text != secret && !value.isEmpty()) {
				properties.put(property, value);
			}
		});
		checks.forEach((property, check) -> {
			if (check.getSelection()) {
				properties.put(property, "true");
			}
		});
		return new StoreSpec(scheme, properties);
	}

	private void storeTypedKeys(StoreSpec spec) {
		String id = keyId.getText().trim();
		String key = secret.getText();
		if (id.isEmpty() && key.isEmpty()) {
			return;
		}
		if (id.isEmpty() || key.isEmpty()) {
			keyProblem = id.isEmpty() ? "Enter the access key ID as well as the secret key."
					: "Enter the secret key as well as the access key ID.";
			showStored();
			return;
		}
		try {
			S3Location location = S3Location.of(spec);
			S3SecureStorage.getDefault().store(location, S3Credentials.of(id, key));
			keyId.setText("");
			secret.setText("");
			keyProblem = null;
		} catch (ImageAccessException e) {
			ILog.of(S3RootEditor.class).log(Status.warning(e.getMessage(), e));
			keyProblem = "The keys were not stored: " + e.getMessage();
		}
		showStored();
	}

	private void showStored() {
		Optional<S3Location> location = location();
		if (keyProblem != null) {
			stored.setText(keyProblem);
		} else if (location.isEmpty()) {
			stored.setText("Keys are stored per endpoint and bucket: enter the bucket first.");
		} else {
			try {
				stored.setText(S3SecureStorage.getDefault().keyId(location.get())
						.map(id -> "Secure storage holds key " + S3Credentials.mask(id) + " for this bucket.")
						.orElse("No keys stored for this bucket: the AWS profile and environment are used."));
			} catch (ImageAccessException e) {
				stored.setText(e.getMessage());
			}
		}
		stored.getParent().layout();
	}

	private void forgetKeys() {
		Optional<S3Location> location = location();
		if (location.isPresent()) {
			try {
				S3SecureStorage.getDefault().remove(location.get());
			} catch (ImageAccessException e) {
				ILog.of(S3RootEditor.class).log(Status.warning(e.getMessage(), e));
			}
		}
		showStored();
	}

	private Optional<S3Location> location() {
		try {
			return Optional.of(S3Location.of(settings()));
		} catch (ImageAccessException e) {
			return Optional.empty();
		}
	}

	private void enableKeys() {
		boolean signed = !checks.get(S3Location.ANONYMOUS).getSelection();
		keyId.setEnabled(signed);
		secret.setEnabled(signed);
	}
}
