// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.DataTableEvent;
import org.idx.core.NumericColumn;
import org.idx.core.RowSelection;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageRoot;
import org.idx.images.MultiscaleSource;
import org.idx.images.Plane;
import org.idx.images.PlaneRegion;
import org.idx.images.display.ContrastRange;
import org.idx.images.zarr.RowImageKeys;
import org.idx.ui.dataset.Dataset;
import org.idx.ui.image.ImageCanvas.MarkerKind;
import org.idx.ui.image.ImageComposer.Composed;
import org.idx.ui.image.ImageComposer.OwnLabels;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.selection.DatasetSelectionProvider;
import org.idx.ui.views.DatasetFollower;

/**
 * An image viewer: shows the image of the focused row (the image column named by a {@link ColumnRole},
 * relative to the dataset's image root) with a marker at the row's anchor and markers at the other
 * objects of the same image; the selected ones stand out. A click on a marker selects its row. Channels
 * are merged in colour, each with its own contrast (auto from percentiles, or a manual range); z or t is
 * navigated with a slider; zoom and pan on the canvas. Images are read, decoded and mapped to colours
 * in a background job; what goes wrong is said in place as one sentence.
 * <p>
 * A multiscale image (an OME-Zarr pyramid) is read at the level the zoom needs: fitted or zoomed out,
 * the coarsest level that still has a stored pixel per screen pixel; zooming in reads finer levels in
 * the background while the coarser one stays on screen. A level much larger than the view (or than a
 * whole-plane read may be) is not read whole: only the tiles in view, plus a margin, are read in a
 * background job and drawn over the coarser level, which stays under tiles not yet read; a pan that
 * leaves them behind cancels their reads. Markers, the pixel readout and clicks are in full-resolution
 * pixels whatever the level.
 * <p>
 * {@link ImageViewerView} shows the image column, {@link SecondImageView} the mask column, or, when
 * the table has none (or the view's menu says so), the label image the image carries (OME-Zarr
 * {@code labels/}). When the image carries several label images (e.g. {@code nuclei} and {@code cells}),
 * the view menu's Label Image (mask viewer) or Outlines Of (Image Viewer) chooses which one by name;
 * the choice is remembered in the preferences and applies to every image that has a label image of
 * that name (the others show their first).
 */
public abstract class ImageView extends ViewPart {

	/** The id of the view menu's submenu that chooses the label image by name. */
	public static final String LABEL_MENU_ID = "org.idx.ui.image.labelImage";

	private static final String MERGED = "all channels";
	private static final int MAX_OBJECT_MARKERS = 50_000;

	private final ColumnRole role;
	private final DatasetSelectionProvider provider = new DatasetSelectionProvider();
	private DatasetFollower follower;

	private Combo channelCombo;
	private Button colourButton;
	private Button autoButton;
	private Text minText;
	private Text maxText;
	private Combo axisCombo;
	private Scale planeScale;
	private Label planeLabel;
	private Button optionButton;
	private ImageCanvas canvas;
	private Label status;
	private IAction pin;
	private IAction labelImage;

	private Dataset dataset;
	private RowSelection selection;
	private volatile ImageRowIndex index;
	private String indexColumn;
	/** The column whose values are the keys shown (the role's, or the image column for a label image). */
	private Column keyColumn;
	/** Whether the mask viewer shows the label image of the image instead of the mask column's image. */
	private boolean ownLabels;
	private boolean preferLabelImage;
	/** The label image chosen by name (shown by the mask viewer, outlined by the Image Viewer), or null for the first. */
	private String labelName;
	/** The label images of the image shown. */
	private List<String> labelNames = List.of();
	/** The level a running job reads, or -1. */
	private int pendingLevel = -1;
	/** The image key of each row (image column, or plate/well/field through plate metadata); null until looked at. */
	private RowImageKeys keys;
	private Job keysJob;

	// What is shown and how.
	private String requestedKey;
	private int focusRow = -1;
	private Composed shown;
	private int z;
	private int t;
	private int channel = -1;
	private int[] colours = new int[0];
	private ContrastRange[] manual = new ContrastRange[0];
	private boolean[] auto = new boolean[0];
	private ContrastRange[] autoRanges = new ContrastRange[0];
	private String autoRangesKey;
	private boolean option;
	private boolean showObjects = true;

	private Job job;
	/** The tiles in view of a level too large to show whole, over {@link #shown}. */
	private TileLayer tiles;
	/** A pixel buffer the canvas no longer shows, for the next plane of the same size. */
	private int[] spare;
	private int generation;
	private int loads;
	private long lastDisplayMillis;

	/**
	 * @param role the column role whose image is shown: {@link ColumnRole#IMAGE} or {@link ColumnRole#MASK_IMAGE}
	 */
	protected ImageView(ColumnRole role) {
		this.role = role;
		this.option = role == ColumnRole.MASK_IMAGE;
	}

	@Override
	public void createPartControl(Composite parent) {
		ImagePreferences.apply();
		labelName = InstanceScope.INSTANCE.getNode(ImagePreferences.NODE).get(labelPreference(), null);
		GridLayout layout = new GridLayout();
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);

		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		RowLayout row = new RowLayout(SWT.HORIZONTAL);
		row.center = true;
		row.wrap = true;
		row.marginTop = 2;
		row.marginBottom = 0;
		bar.setLayout(row);
		new Label(bar, SWT.NONE).setText("Channel");
		channelCombo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		channelCombo.setItems(MERGED);
		channelCombo.select(0);
		channelCombo.addListener(SWT.Selection, e -> channelChosen());
		colourButton = new Button(bar, SWT.PUSH);
		colourButton.setText("Colour…");
		colourButton.setToolTipText("The colour of the channel chosen (of the first channel when all are shown)");
		colourButton.addListener(SWT.Selection, e -> chooseColour());
		autoButton = new Button(bar, SWT.CHECK);
		autoButton.setText("Auto");
		autoButton.setSelection(true);
		autoButton.setToolTipText("Contrast from the 0.1 and 99.9 percentiles of the image; untick to set min and max");
		autoButton.addListener(SWT.Selection, e -> autoChosen());
		new Label(bar, SWT.NONE).setText("Min");
		minText = new Text(bar, SWT.BORDER);
		minText.setLayoutData(new RowData(55, SWT.DEFAULT));
		minText.addListener(SWT.DefaultSelection, e -> manualRangeEntered());
		new Label(bar, SWT.NONE).setText("Max");
		maxText = new Text(bar, SWT.BORDER);
		maxText.setLayoutData(new RowData(55, SWT.DEFAULT));
		maxText.addListener(SWT.DefaultSelection, e -> manualRangeEntered());
		axisCombo = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
		axisCombo.setItems("z", "t");
		axisCombo.select(0);
		axisCombo.setToolTipText("Whether the slider moves through focal planes (z) or time points (t)");
		axisCombo.addListener(SWT.Selection, e -> updateSlider());
		planeScale = new Scale(bar, SWT.HORIZONTAL);
		planeScale.setLayoutData(new RowData(120, SWT.DEFAULT));
		planeScale.addListener(SWT.Selection, e -> planeMoved());
		planeLabel = new Label(bar, SWT.NONE);
		planeLabel.setText("z 1/1  ");
		optionButton = new Button(bar, SWT.CHECK);
		if (role == ColumnRole.MASK_IMAGE) {
			optionButton.setText("Labels");
			optionButton.setToolTipText("Show each label (object number) in its own colour");
		} else {
			optionButton.setText("Mask outlines");
			optionButton.setToolTipText("Draw the outlines of the mask column's objects over the image");
		}
		optionButton.setSelection(option);
		optionButton.addListener(SWT.Selection, e -> {
			option = optionButton.getSelection();
			reload();
		});

		canvas = new ImageCanvas(parent);
		canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas.onPointer(this::pointerMoved);
		canvas.onZoom(this::zoomChanged);
		canvas.onView(this::requestTiles);
		tiles = new TileLayer(canvas, () -> updateStatus(null));
		canvas.onMarker(this::markerClicked);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));

		createActions();
		getSite().setSelectionProvider(provider);
		follower = new DatasetFollower(this, getSite().getPage(), this::showDataset, this::tableChanged, this::rowsSelected);
		follower.onImagesChanged(this::imagesChanged);
		pin.setChecked(follower.isPinned());
		updateControls();
	}

	private void createActions() {
		pin = new Action("Pin", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				follower.setPinned(isChecked());
			}
		};
		pin.setToolTipText("Keep this viewer on its table instead of following the active editor");
		Action fit = new Action("Fit") {
			@Override
			public void run() {
				canvas.zoomToFit();
			}
		};
		fit.setToolTipText("Fit the whole image in the view (double-click does too)");
		Action actual = new Action("1:1") {
			@Override
			public void run() {
				canvas.zoomActual();
			}
		};
		actual.setToolTipText("One image pixel per screen pixel");
		Action objects = new Action("Objects", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				showObjects = isChecked();
				updateMarkers();
			}
		};
		objects.setChecked(showObjects);
		objects.setToolTipText("Mark every object of the image, not only the selected ones");
		Action png = new Action("Export PNG...") {
			@Override
			public void run() {
				export();
			}
		};
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(fit);
		toolbar.add(actual);
		toolbar.add(objects);
		toolbar.add(new Separator());
		toolbar.add(pin);
		toolbar.add(new Separator());
		toolbar.add(png);
		getViewSite().getActionBars().getMenuManager().add(png);
		if (role == ColumnRole.MASK_IMAGE) {
			labelImage = new Action("Label Image of the Image", IAction.AS_CHECK_BOX) {
				@Override
				public void run() {
					setPreferLabelImage(isChecked());
				}
			};
			labelImage.setToolTipText("Show the label image the image carries (OME-Zarr labels) instead of the mask column's"
					+ " image; used anyway when the table has no mask column");
			getViewSite().getActionBars().getMenuManager().add(labelImage);
		}
		MenuManager labels = new MenuManager(role == ColumnRole.MASK_IMAGE ? "Label Image" : "Outlines Of", LABEL_MENU_ID);
		labels.setRemoveAllWhenShown(true);
		labels.addMenuListener(this::fillLabelMenu);
		labels.add(noLabelImage()); // filled anew whenever it is shown
		getViewSite().getActionBars().getMenuManager().add(labels);
	}

	/** One radio item per label image of the image shown; the one in use is checked. */
	private void fillLabelMenu(IMenuManager menu) {
		if (labelNames.isEmpty()) {
			menu.add(noLabelImage());
			return;
		}
		String inUse = labelImage();
		for (String name : labelNames) {
			Action item = new Action(name, IAction.AS_RADIO_BUTTON) {
				@Override
				public void run() {
					if (isChecked()) {
						setLabelImage(name);
					}
				}
			};
			item.setChecked(name.equals(inUse));
			item.setToolTipText(role == ColumnRole.MASK_IMAGE ? "Show the label image " + name + " of the image"
					: "Draw the outlines of the label image " + name + " when Mask outlines is ticked and no mask column is set");
			menu.add(item);
		}
	}

	private static IAction noLabelImage() {
		Action none = new Action("(the image carries no label image)") {
		};
		none.setEnabled(false);
		return none;
	}

	private String labelPreference() {
		return role == ColumnRole.MASK_IMAGE ? "maskLabelImage" : "outlineLabelImage";
	}

	// ---------------------------------------------------------------- following

	private void showDataset(Dataset next) {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		dataset = next;
		index = null;
		indexColumn = null;
		keyColumn = null;
		ownLabels = false;
		forgetKeys();
		selection = null;
		shown = null;
		requestedKey = null;
		focusRow = -1;
		if (dataset != null) {
			setTitleToolTip(dataset.name());
			// Rows selected before the viewer opened.
			DatasetSelection.rowsOf(getSite().getPage().getSelection())
					.filter(rows -> rows.table() == dataset.table()).ifPresent(rows -> selection = rows);
		}
		update();
	}

	private void tableChanged(DataTableEvent event) {
		if (event.kind() == DataTableEvent.Kind.ROLES_CHANGED
				|| event.column() != null && event.column().equals(indexColumn)) {
			index = null;
			indexColumn = null;
			requestedKey = null;
			forgetKeys();
			update();
		}
	}

	private void rowsSelected(RowSelection rows) {
		selection = rows;
		update();
	}

	// ---------------------------------------------------------------- what to show

	private Optional<Column> roleColumn(ColumnRole r) {
		DataTable table = dataset.table();
		return table.roles().column(r).flatMap(table::findColumn);
	}

	/** Works out the image to show for the current dataset and selection, and loads it if it changed. */
	private void update() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		if (dataset == null) {
			say(follower == null || follower.editor() == null ? "Open a table to see the images of its rows."
					: "Waiting for the table to be read …");
			return;
		}
		Optional<Column> column = roleColumn(role);
		boolean own = false;
		if (role == ColumnRole.MASK_IMAGE && (column.isEmpty() || preferLabelImage)
				&& roleColumn(ColumnRole.IMAGE).isPresent()) {
			column = roleColumn(ColumnRole.IMAGE);
			own = true;
		}
		if (role == ColumnRole.IMAGE && keys == null) {
			keys = RowImageKeys.paths(dataset.table());
			if (roleColumn(ColumnRole.WELL).isPresent()) {
				resolveKeys();
			}
		}
		boolean resolving = keysJob != null;
		if (column.isEmpty() && (role == ColumnRole.MASK_IMAGE || !keys.canResolve())) {
			say(role == ColumnRole.MASK_IMAGE
					? "No mask column is configured: give a column of mask image paths the role MASK_IMAGE."
					: resolving ? "Reading the plate metadata of the image root …"
							: "No image column is configured: give a column of image paths the role IMAGE"
									+ (roleColumn(ColumnRole.WELL).isEmpty() ? ""
											: keys.whyNoPlates().map(why -> " (" + why + ")").orElse(""))
									+ ".");
			return;
		}
		int focus = selection == null ? -1 : selection.focus();
		if (focus < 0 || focus >= dataset.table().rowCount()) {
			say("Select a row in the table, the plot or the gallery to see its image.");
			return;
		}
		String key;
		if (role == ColumnRole.IMAGE) {
			try {
				key = keys.key(focus);
			} catch (ImageAccessException e) {
				say(resolving && keys.keyOrNull(focus) == null ? "Reading the plate metadata of the image root …" : e.getMessage());
				return;
			}
		} else {
			key = ImageRowIndex.key(column.get(), focus);
			if (key == null) {
				say("Row " + (focus + 1) + " has no image: its value in column " + column.get().name() + " is empty.");
				return;
			}
		}
		if (focus != focusRow) {
			focusRow = focus;
			anchorPlane(focus);
		}
		if (!key.equals(requestedKey) || own != ownLabels || column.orElse(null) != keyColumn) {
			requestedKey = key;
			ownLabels = own;
			keyColumn = column.orElse(null);
			load(true);
		} else {
			updateMarkers();
			updateStatus(null);
		}
	}

	/** Reads the plate metadata of the image root in the background, then shows the focused row's image again. */
	private void resolveKeys() {
		Dataset forDataset = dataset;
		ImageRoot images = dataset.images();
		Job resolve = Job.create("Reading plate metadata for " + dataset.name(), monitor -> {
			// Through the plates the gallery and the plate map share: their metadata is read once per dataset.
			RowImageKeys resolved = RowImageKeys.resolve(forDataset.table(), images, monitor::isCanceled);
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> {
					// A cancelled job was superseded (the root or its plate path changed): its keys are stale.
					if (!canvas.isDisposed() && dataset == forDataset && keysJob != null && !monitor.isCanceled()) {
						keys = resolved;
						keysJob = null;
						index = null;
						update();
					}
				});
			}
		});
		resolve.setSystem(true);
		keysJob = resolve;
		resolve.schedule();
	}

	private void forgetKeys() {
		if (keysJob != null) {
			keysJob.cancel();
			keysJob = null;
		}
		keys = null;
	}

	/** Takes the focused row's z and t from its anchor columns, when it has them; reloads if they change. */
	private void anchorPlane(int row) {
		int z0 = z;
		int t0 = t;
		roleColumn(ColumnRole.ANCHOR_Z).ifPresent(c -> {
			if (c instanceof NumericColumn n && !n.isNA(row)) {
				z = (int) Math.max(0, Math.round(n.value(row)));
				axisCombo.select(0);
			}
		});
		roleColumn(ColumnRole.ANCHOR_T).ifPresent(c -> {
			if (c instanceof NumericColumn n && !n.isNA(row)) {
				t = (int) Math.max(0, Math.round(n.value(row)));
				if (roleColumn(ColumnRole.ANCHOR_Z).isEmpty()) {
					axisCombo.select(1);
				}
			}
		});
		if ((z != z0 || t != t0) && shown != null && requestedKey != null) {
			reload();
		}
	}

	private void say(String sentence) {
		cancelJob();
		generation++;
		shown = null;
		tiles.forget();
		requestedKey = null;
		focusRow = -1;
		canvas.setNotice(null);
		canvas.setMessage(sentence);
		status.setText("");
		updateControls();
	}

	private void reload() {
		if (requestedKey != null && dataset != null) {
			load(false);
		}
	}

	/** Loads the requested key in a background job; a newer request supersedes it. */
	private void load(boolean newImage) {
		cancelJob();
		int myGeneration = ++generation;
		String key = requestedKey;
		boolean sameImage = shown != null && shown.key().equals(key);
		Column imageColumn = keyColumn;
		RowImageKeys forKeys = role == ColumnRole.IMAGE && keys != null && keys.fromPlates() ? keys : null;
		boolean keepView = sameImage || !newImage;
		double zoom = keepView && canvas.hasImage() ? canvas.scale() : 0;
		// Zoomed into a level shown in tiles: the plane under them stays at its level, the tiles are read with it.
		int tiled = zoom > 0 && sameImage ? tiles.tiledLevel(shown) : -1;
		int baseLevel = tiled >= 0 ? shown.level() : -1;
		pendingLevel = zoom > 0 && shown != null ? tiled >= 0 ? baseLevel : MultiscaleSource.levelFor(shown.levelWidths(), zoom) : -1;
		ImageComposer.Request request = request(key, zoom, baseLevel, spare);
		spare = null;
		double[] view = canvas.visibleArea();
		tiles.cancel();
		Dataset forDataset = dataset;
		long start = System.nanoTime();
		job = Job.create("Reading image " + key, monitor -> {
			if (forKeys != null && (index == null || index.keys() != forKeys)) {
				index = ImageRowIndex.build(forKeys);
			} else if (forKeys == null && (index == null || index.column() != imageColumn)) {
				ImageRowIndex built = ImageRowIndex.build(imageColumn);
				if (forDataset.table().findColumn(imageColumn.name()).orElse(null) == imageColumn) {
					index = built;
				}
			}
			Composed composed;
			Composed window = null;
			String windowProblem = null;
			try {
				composed = ImageComposer.compose(request);
				if (tiled >= 0) {
					try {
						window = ImageComposer.composeTiles(request, composed, TileLayer.TILES, view, monitor::isCanceled);
					} catch (ImageAccessException e) {
						windowProblem = e.getMessage();
					}
				}
			} catch (ImageAccessException e) {
				deliver(myGeneration, () -> failed(e.getMessage()));
				return;
			} catch (RuntimeException e) {
				Platform.getLog(ImageView.class)
						.log(new Status(IStatus.ERROR, ImageView.class, "Showing image " + key + " failed", e));
				deliver(myGeneration, () -> failed("Image " + key + " could not be shown: " + e.getMessage()));
				return;
			}
			List<String> names;
			try {
				names = ImageComposer.labelImages(request.root(), key);
			} catch (ImageAccessException e) {
				names = List.of();
			}
			List<String> labelsOfImage = names;
			Composed inView = window;
			String problem = windowProblem;
			deliver(myGeneration, () -> {
				labelNames = labelsOfImage;
				shown(composed, keepView, start, inView, problem);
			});
		});
		job.setSystem(true);
		job.schedule();
	}

	/** @return what the viewer asks for now: the image key, z, t, channels, colours, contrast, labels and outlines */
	private ImageComposer.Request request(String key, double zoom, int level, int[] reuse) {
		ContrastRange[] ranges = new ContrastRange[auto.length];
		for (int c = 0; c < ranges.length; c++) {
			ranges[c] = !auto[c] ? manual[c] : !ownLabels && key.equals(autoRangesKey) && c < autoRanges.length ? autoRanges[c] : null;
		}
		String maskKey = null;
		OwnLabels own = ownLabels ? OwnLabels.SHOW : OwnLabels.IGNORE;
		if (role == ColumnRole.IMAGE && option) {
			Optional<Column> maskColumn = roleColumn(ColumnRole.MASK_IMAGE);
			maskKey = maskColumn.map(c -> ImageRowIndex.key(c, focusRow)).orElse(null);
			own = maskColumn.isEmpty() ? OwnLabels.OUTLINE : OwnLabels.IGNORE;
		}
		Rectangle area = canvas.getClientArea();
		return new ImageComposer.Request(dataset.images(), key, z, t, channel, colours, ranges, role == ColumnRole.MASK_IMAGE && option,
				maskKey, own, labelName, zoom, area.width, area.height, reuse, level);
	}

	/** Reads the tiles in view when the zoom needs a level shown in tiles over the plane shown. */
	private void requestTiles() {
		if (shown != null && requestedKey != null && shown.key().equals(requestedKey) && tiles.tiledLevel(shown) >= 0) {
			tiles.request(request(requestedKey, canvas.scale(), shown.level(), null));
		}
	}

	private void deliver(int myGeneration, Runnable onUi) {
		if (canvas.isDisposed()) {
			return;
		}
		canvas.getDisplay().asyncExec(() -> {
			if (!canvas.isDisposed() && myGeneration == generation) {
				onUi.run();
			}
		});
	}

	private void cancelJob() {
		if (job != null) {
			job.cancel();
			job = null;
		}
		if (tiles != null) {
			tiles.cancel();
		}
	}

	private void failed(String sentence) {
		pendingLevel = -1;
		shown = null;
		tiles.forget();
		canvas.setNotice(null);
		canvas.setMessage(sentence);
		status.setText("");
		loads++;
		updateControls();
	}

	private void shown(Composed composed, boolean keepView, long start, Composed window, String windowProblem) {
		ImageMetadata md = composed.metadata();
		if (colours.length != md.sizeC()) {
			colours = new int[md.sizeC()];
			for (int c = 0; c < colours.length; c++) {
				colours[c] = ImageComposer.defaultColour(md.sizeC(), c);
			}
			manual = new ContrastRange[md.sizeC()];
			auto = new boolean[md.sizeC()];
			Arrays.fill(auto, true);
			if (channel >= md.sizeC()) {
				channel = -1;
			}
		}
		if (!composed.sourceKey().equals(autoRangesKey)) {
			autoRangesKey = composed.sourceKey();
			autoRanges = new ContrastRange[md.sizeC()];
		}
		for (int c = 0; c < md.sizeC(); c++) {
			if (auto[c] && composed.ranges()[c] != null) {
				autoRanges[c] = composed.ranges()[c];
			}
		}
		z = composed.z();
		t = composed.t();
		spare = shown == null || shown.argb() == composed.argb() ? null : shown.argb();
		shown = composed;
		pendingLevel = -1;
		canvas.setImage(composed.argb(), composed.planeWidth(), composed.planeHeight(), md.width(), md.height(), keepView);
		tiles.shown(composed, window, windowProblem);
		updateMarkers();
		canvas.update();
		lastDisplayMillis = (System.nanoTime() - start) / 1_000_000;
		loads++;
		updateControls();
		updateStatus(null);
		zoomChanged();
	}

	/**
	 * Reads another level of a multiscale image when the zoom needs one; the level shown stays until it
	 * arrives. A level shown in tiles is read tile by tile over the level shown.
	 */
	private void zoomChanged() {
		if (shown == null || shown.levelWidths().length < 2 || requestedKey == null || !shown.key().equals(requestedKey)) {
			return;
		}
		int wanted = MultiscaleSource.levelFor(shown.levelWidths(), canvas.scale());
		if (tiles.tiledLevel(shown) >= 0) {
			requestTiles();
		} else if (wanted != shown.level() && wanted != pendingLevel) {
			load(false);
		} else if (wanted == shown.level() && tiles.window() != null) {
			tiles.clear();
			updateStatus(null);
		}
	}

	// ---------------------------------------------------------------- markers

	private void updateMarkers() {
		if (shown == null || dataset == null) {
			return;
		}
		Optional<Column> xc = roleColumn(ColumnRole.ANCHOR_X);
		Optional<Column> yc = roleColumn(ColumnRole.ANCHOR_Y);
		if (xc.isEmpty() || yc.isEmpty() || !(xc.get() instanceof NumericColumn x)
				|| !(yc.get() instanceof NumericColumn y)) {
			canvas.setMarkers(new int[0], new double[0], new double[0], new MarkerKind[0]);
			canvas.setNotice(shown.overlayProblem());
			return;
		}
		ImageRowIndex rowsByImage = index;
		int[] rows = rowsByImage == null ? new int[] { focusRow } : rowsByImage.rowsOf(shown.key());
		BitSet selected = selection == null ? new BitSet() : selection.rows();
		int count = 0;
		int[] markerRows = new int[Math.min(rows.length, MAX_OBJECT_MARKERS) + 1];
		double[] mx = new double[markerRows.length];
		double[] my = new double[markerRows.length];
		MarkerKind[] kinds = new MarkerKind[markerRows.length];
		for (int r : rows) {
			boolean isFocus = r == focusRow;
			boolean isSelected = selected.get(r);
			if (!isFocus && !isSelected && (!showObjects || rows.length > MAX_OBJECT_MARKERS)) {
				continue;
			}
			if (x.isNA(r) || y.isNA(r) || count == markerRows.length) {
				continue;
			}
			markerRows[count] = r;
			mx[count] = x.value(r) + 0.5;
			my[count] = y.value(r) + 0.5;
			kinds[count] = isFocus ? MarkerKind.FOCUS : isSelected ? MarkerKind.SELECTED : MarkerKind.OBJECT;
			count++;
		}
		canvas.setMarkers(Arrays.copyOf(markerRows, count), Arrays.copyOf(mx, count), Arrays.copyOf(my, count),
				Arrays.copyOf(kinds, count));
		canvas.setNotice(anchorProblem(x, y));
	}

	private String anchorProblem(NumericColumn x, NumericColumn y) {
		ImageMetadata md = shown.metadata();
		int r = focusRow;
		if (x.isNA(r) || y.isNA(r)) {
			return "Row " + (r + 1) + " has no anchor: " + (x.isNA(r) ? x.name() : y.name()) + " is NA.";
		}
		double ax = x.value(r);
		double ay = y.value(r);
		if (ax < 0 || ay < 0 || ax >= md.width() || ay >= md.height()) {
			return "The anchor of row " + (r + 1) + " (" + x.text(r) + ", " + y.text(r) + ") lies outside the "
					+ md.width() + "x" + md.height() + " image " + shown.key() + ".";
		}
		return shown.overlayProblem();
	}

	private void markerClicked(int row, int stateMask) {
		if (dataset == null) {
			return;
		}
		BitSet rows;
		if ((stateMask & SWT.SHIFT) != 0 && selection != null) {
			rows = selection.rows();
			rows.set(row);
		} else if (selection != null && selection.contains(row)) {
			rows = selection.rows();
		} else {
			rows = new BitSet();
			rows.set(row);
		}
		selection = new RowSelection(dataset.table(), rows, this, row);
		provider.setSelection(new DatasetSelection(selection));
		update();
	}

	// ---------------------------------------------------------------- controls

	private void updateControls() {
		if (channelCombo.isDisposed()) {
			return;
		}
		ImageMetadata md = shown == null ? null : shown.metadata();
		int channels = md == null ? 0 : md.sizeC();
		String[] items = new String[channels + 1];
		items[0] = MERGED;
		for (int c = 0; c < channels; c++) {
			items[c + 1] = md.channelNames().isEmpty() ? "channel " + (c + 1) : (c + 1) + ": " + md.channelNames().get(c);
		}
		if (!Arrays.equals(items, channelCombo.getItems())) {
			channelCombo.setItems(items);
		}
		channelCombo.select(channel + 1);
		channelCombo.setEnabled(channels > 1);
		boolean labels = role == ColumnRole.MASK_IMAGE && option;
		int c = Math.max(0, channel);
		boolean haveChannel = md != null && !labels && c < auto.length;
		colourButton.setEnabled(haveChannel);
		autoButton.setEnabled(haveChannel);
		autoButton.setSelection(!haveChannel || auto[c]);
		ContrastRange range = !haveChannel ? null : auto[c] ? (c < autoRanges.length ? autoRanges[c] : null) : manual[c];
		minText.setEnabled(haveChannel);
		maxText.setEnabled(haveChannel);
		minText.setText(range == null ? "" : number(range.min()));
		maxText.setText(range == null ? "" : number(range.max()));
		optionButton.setEnabled(role == ColumnRole.MASK_IMAGE || dataset != null
				&& (roleColumn(ColumnRole.MASK_IMAGE).isPresent() || roleColumn(ColumnRole.IMAGE).isPresent()));
		updateSlider();
		channelCombo.getParent().layout(true);
	}

	private static String number(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.4g", v);
	}

	private void updateSlider() {
		ImageMetadata md = shown == null ? null : shown.metadata();
		boolean both = md != null && md.sizeZ() > 1 && md.sizeT() > 1;
		if (md != null && !both) {
			axisCombo.select(md.sizeT() > 1 ? 1 : 0);
		}
		axisCombo.setEnabled(both);
		boolean onT = axisCombo.getSelectionIndex() == 1;
		int size = md == null ? 1 : onT ? md.sizeT() : md.sizeZ();
		int at = onT ? t : z;
		planeScale.setMinimum(0);
		planeScale.setMaximum(Math.max(1, size - 1));
		planeScale.setPageIncrement(1);
		planeScale.setSelection(Math.min(at, size - 1));
		planeScale.setEnabled(size > 1);
		planeLabel.setText((onT ? "t " : "z ") + (Math.min(at, size - 1) + 1) + "/" + size);
	}

	private void planeMoved() {
		int value = planeScale.getSelection();
		if (axisCombo.getSelectionIndex() == 1) {
			t = value;
		} else {
			z = value;
		}
		updateSlider();
		reload();
	}

	private void channelChosen() {
		channel = channelCombo.getSelectionIndex() - 1;
		updateControls();
		reload();
	}

	private void chooseColour() {
		int c = Math.max(0, channel);
		if (c >= colours.length) {
			return;
		}
		ColorDialog dialog = new ColorDialog(getSite().getShell());
		int rgb = colours[c];
		dialog.setRGB(new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
		RGB chosen = dialog.open();
		if (chosen != null) {
			colours[c] = chosen.red << 16 | chosen.green << 8 | chosen.blue;
			reload();
		}
	}

	private void autoChosen() {
		int c = Math.max(0, channel);
		if (c >= auto.length) {
			return;
		}
		auto[c] = autoButton.getSelection();
		if (!auto[c] && manual[c] == null) {
			manual[c] = c < autoRanges.length ? autoRanges[c] : null;
		}
		if (auto[c]) {
			autoRangesKey = null; // recompute from the plane shown
		}
		updateControls();
		reload();
	}

	private void manualRangeEntered() {
		int c = Math.max(0, channel);
		if (c >= auto.length) {
			return;
		}
		try {
			double min = Double.parseDouble(minText.getText().trim());
			double max = Double.parseDouble(maxText.getText().trim());
			setContrast(c, ContrastRange.manual(min, max));
		} catch (NumberFormatException e) {
			status.setText("Min and max must be numbers, e.g. 100 and 4000.");
		}
	}

	/**
	 * Sets a manual contrast range, as the Min and Max fields do.
	 *
	 * @param c     the channel
	 * @param range the range
	 */
	public void setContrast(int c, ContrastRange range) {
		auto[c] = false;
		manual[c] = range;
		updateControls();
		reload();
	}

	private void pointerMoved(double[] at) {
		updateStatus(at);
	}

	private void updateStatus(double[] at) {
		if (shown == null || status.isDisposed()) {
			return;
		}
		ImageMetadata md = shown.metadata();
		StringBuilder text = new StringBuilder();
		text.append("Row ").append(focusRow + 1).append(" · ").append(shown.sourceKey()).append(" · ").append(md.width())
				.append('x').append(md.height());
		Composed detail = tiles.window();
		if (detail != null) {
			PlaneRegion w = detail.window();
			text.append(" · level ").append(detail.level()).append('/').append(shown.levelWidths().length - 1)
					.append(": region ").append(w.width()).append('x').append(w.height()).append(" of ")
					.append(detail.levelWidths()[detail.level()]).append('x').append(detail.levelHeights()[detail.level()])
					.append(" over level ").append(shown.level());
		} else if (shown.levelWidths().length > 1) {
			text.append(" · level ").append(shown.level()).append('/').append(shown.levelWidths().length - 1).append(" (")
					.append(shown.planeWidth()).append('x').append(shown.planeHeight()).append(')');
		}
		if (tiles.reading()) {
			text.append(" · reading tiles …");
		} else if (tiles.problem() != null) {
			text.append(" · ").append(tiles.problem());
		}
		if (at != null) {
			int px = (int) at[0];
			int py = (int) at[1];
			Composed from = detail != null && detail.covers(px + 0.5, py + 0.5) ? detail : shown;
			text.append(" · x ").append(px).append(", y ").append(py).append(':');
			Plane[] planes = from.planes();
			for (int i = 0; i < planes.length; i++) {
				if (planes.length > 1) {
					text.append(" c").append(from.channels()[i] + 1);
				}
				text.append(' ').append(number(from.value(i, px, py)));
			}
		} else {
			int selected = selection == null ? 0 : selection.cardinality();
			if (selected > 1) {
				text.append(String.format(" · %,d rows selected", selected));
			}
			text.append(" · ").append(lastDisplayMillis).append(" ms");
		}
		status.setText(text.toString());
	}

	// ---------------------------------------------------------------- export

	private void export() {
		if (shown == null) {
			MessageDialog.openInformation(getSite().getShell(), "Export", "There is no image to export yet.");
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*.png" });
		String base = shown.key().replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
		dialog.setFileName(base + "-row" + (focusRow + 1) + ".png");
		String file = dialog.open();
		if (file == null) {
			return;
		}
		try {
			exportTo(Path.of(file));
		} catch (RuntimeException e) {
			Platform.getLog(getClass()).log(new Status(IStatus.ERROR, getClass(), "Export to " + file + " failed", e));
			MessageDialog.openError(getSite().getShell(), "Export", "Could not write " + file + ": " + e.getMessage());
		}
	}

	/**
	 * Writes what the view shows (zoom, pan and markers as on screen) as a PNG.
	 *
	 * @param file the target file
	 */
	public void exportTo(Path file) {
		ImageData data = canvas.snapshot();
		ImageLoader writer = new ImageLoader();
		writer.data = new ImageData[] { data };
		writer.save(file.toString(), SWT.IMAGE_PNG);
	}

	// ---------------------------------------------------------------- for tests and other plug-ins

	/** @return the image canvas */
	public ImageCanvas canvas() {
		return canvas;
	}

	/** @return the dataset shown, or null */
	public Dataset dataset() {
		return dataset;
	}

	/** @return the key of the image shown, or null */
	public String shownKey() {
		return shown == null ? null : shown.key();
	}

	/** @return the row whose image is shown, or -1 */
	public int focusRow() {
		return shown == null ? -1 : focusRow;
	}

	/** @return the sentence shown in place of the image, or null */
	public String message() {
		return canvas.message();
	}

	/** @return the sentence shown over the image, or null */
	public String notice() {
		return canvas.notice();
	}

	/** @return the status line */
	public String statusText() {
		return status.getText();
	}

	/** @return how many images (or failures) the view has shown */
	public int loads() {
		return loads;
	}

	/** @return the resolution level shown (0 = full resolution), or -1 when nothing is shown */
	public int level() {
		return shown == null ? -1 : shown.level();
	}

	/** @return the level shown in tiles over {@link #level()} (the region in view), or -1 when none is */
	public int regionLevel() {
		return tiles.window() == null ? -1 : tiles.window().level();
	}

	/** @return the region of {@link #regionLevel()} shown, in that level's pixels, or null */
	public PlaneRegion region() {
		return tiles.window() == null ? null : tiles.window().window();
	}

	/** @return whether tiles are being read */
	public boolean readingTiles() {
		return tiles.reading();
	}

	/** @return the tiles this viewer has read from the store (not the cache) so far */
	public int tilesRead() {
		return tiles.tilesRead();
	}

	/** @return the number of resolution levels of the image shown (1 for a single-resolution image), or 0 */
	public int levelCount() {
		return shown == null ? 0 : shown.levelWidths().length;
	}

	/** @return the key of the image read: the shown key, or the label image of it; null when nothing is shown */
	public String sourceKey() {
		return shown == null ? null : shown.sourceKey();
	}

	/**
	 * Makes the mask viewer show the label image of the image rather than the mask column's image (as the
	 * view menu's "Label Image of the Image" does); without a mask column it does so anyway.
	 *
	 * @param on whether to prefer the label image
	 */
	public void setPreferLabelImage(boolean on) {
		preferLabelImage = on;
		if (labelImage != null) {
			labelImage.setChecked(on);
		}
		update();
	}

	/** @return the names of the label images the image shown carries (none when it carries none) */
	public List<String> labelImages() {
		return labelNames;
	}

	/** @return the label image in use: the one chosen when the image has it, else its first; null when it has none */
	public String labelImage() {
		return labelNames.isEmpty() ? null : labelName != null && labelNames.contains(labelName) ? labelName : labelNames.get(0);
	}

	/**
	 * Chooses the label image the mask viewer shows, or the Image Viewer outlines, by name (as the view
	 * menu's radio items do); remembered in the preferences.
	 *
	 * @param name a label image's name, or null for the first of each image
	 */
	public void setLabelImage(String name) {
		labelName = name;
		if (name == null) {
			InstanceScope.INSTANCE.getNode(ImagePreferences.NODE).remove(labelPreference());
		} else {
			InstanceScope.INSTANCE.getNode(ImagePreferences.NODE).put(labelPreference(), name);
		}
		reload();
	}

	/** @return the focal plane shown */
	public int z() {
		return z;
	}

	/** @return milliseconds from the request to the painted image, last time */
	public long lastDisplayMillis() {
		return lastDisplayMillis;
	}

	/**
	 * Moves the plane slider, as the user does.
	 *
	 * @param onT   whether t (else z) is navigated
	 * @param value the plane
	 */
	public void setPlane(boolean onT, int value) {
		axisCombo.select(onT ? 1 : 0);
		planeScale.setSelection(value);
		planeMoved();
	}

	/** @param on whether the option box (mask outlines, or labels in the second viewer) is ticked */
	public void setOption(boolean on) {
		optionButton.setSelection(on);
		option = on;
		reload();
	}

	/** @param pinned whether the view keeps its table when another editor becomes active */
	public void setPinned(boolean pinned) {
		pin.setChecked(pinned);
		follower.setPinned(pinned);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == RowSelection.class) {
			return adapter.cast(selection);
		}
		if (adapter == Dataset.class) {
			return adapter.cast(dataset);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	/** The dataset's image root was pointed elsewhere: its rows' images are read again. */
	private void imagesChanged() {
		if (canvas.isDisposed()) {
			return;
		}
		forgetKeys();
		index = null;
		requestedKey = null;
		update();
	}

	@Override
	public void dispose() {
		cancelJob();
		if (follower != null) {
			follower.dispose();
		}
		super.dispose();
	}
}
