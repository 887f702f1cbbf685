// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.idx.core.roles.ColumnRoleDetector;
import org.idx.core.roles.DetectedRoles;
import org.idx.io.delimited.DelimitedTableReader;
import org.idx.io.delimited.ProgressMonitor;
import org.idx.io.delimited.ReadOptions;
import org.idx.io.delimited.ReadResult;
import org.idx.io.delimited.TableReadException;

/**
 * Reads a table in the background with progress and cancel, and gives its columns the roles
 * their names suggest. The outcome goes to exactly one of
 * the two callbacks, on the job's thread; a cancelled read calls neither.
 */
public final class LoadDatasetJob extends Job {

	private static final int TICKS = 1000;

	private final Path file;
	private final ReadOptions options;
	private final Consumer<Dataset> onLoaded;
	private final Consumer<TableReadException> onFailed;

	public LoadDatasetJob(Path file, ReadOptions options, Consumer<Dataset> onLoaded,
			Consumer<TableReadException> onFailed) {
		super("Reading " + file.getFileName());
		this.file = file;
		this.options = options;
		this.onLoaded = onLoaded;
		this.onFailed = onFailed;
		setUser(true);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + file.getFileName(), TICKS);
		try {
			ReadResult result = DelimitedTableReader.read(file, options, new Progress(progress));
			DetectedRoles roles = ColumnRoleDetector.detect(result.table());
			result.table().setRoles(roles.roles());
			onLoaded.accept(new Dataset(file, result.table(), result.dialect(), result.warnings(), roles.notes(),
					ImageServices.get().rootBeside(file)));
			return Status.OK_STATUS;
		} catch (CancellationException e) {
			return Status.CANCEL_STATUS;
		} catch (TableReadException e) {
			onFailed.accept(e);
			return Status.OK_STATUS;
		} finally {
			monitor.done();
		}
	}

	/** Turns the reader's byte counts into ticks of an Eclipse progress monitor. */
	private static final class Progress implements ProgressMonitor {
		private final SubMonitor monitor;
		private long total = 1;
		private long done;
		private int reported;

		Progress(SubMonitor monitor) {
			this.monitor = monitor;
		}

		@Override
		public void begin(long totalBytes) {
			total = Math.max(1, totalBytes);
		}

		@Override
		public void worked(long bytes) {
			done += bytes;
			int ticks = (int) Math.min(TICKS, done * TICKS / total);
			if (ticks > reported) {
				monitor.worked(ticks - reported);
				reported = ticks;
			}
		}

		@Override
		public boolean isCanceled() {
			return monitor.isCanceled();
		}
	}
}
