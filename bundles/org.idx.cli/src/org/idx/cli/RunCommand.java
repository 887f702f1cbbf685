// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisException;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.AnalysisRunner;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterException;
import org.idx.analysis.ParameterValues;
import org.idx.analysis.ReportWriter;
import org.idx.analysis.TrainedModel;
import org.idx.core.DataTable;
import org.idx.io.delimited.DelimitedTableWriter;
import org.idx.io.delimited.ProgressMonitor;
import org.idx.io.delimited.ReadResult;
import org.idx.session.Session;
import org.idx.session.SessionFiles;

/**
 * {@code idx run METHOD --table TABLE [--param NAME=VALUE]... [--out-table FILE] [--report FILE.json]}.
 * Without {@code --report} the report is printed to standard output as JSON; with it, one summary line.
 * {@code --out-table} writes the table with the new columns appended, with the delimiter the table was
 * read with. With {@code --model-from SESSION.idx-session.json [--model NAME]} the method does not
 * train: it applies a model it trained earlier, kept in that session (the only one of the method
 * there, or the one named).
 */
record RunCommand(String method, Path table, List<String> params, Path outTable, Path report, Path modelFrom,
		String model) implements Command {

	static RunCommand parse(List<String> args) throws CommandException {
		String method = null;
		Path table = null;
		Path outTable = null;
		Path report = null;
		Path modelFrom = null;
		String model = null;
		List<String> params = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String option = arg;
			String value = null;
			if (arg.startsWith("--") && arg.contains("=")) {
				option = arg.substring(0, arg.indexOf('='));
				value = arg.substring(arg.indexOf('=') + 1);
			}
			switch (option) {
				case "--table", "--param", "--out-table", "--report", "--model-from", "--model" -> {
					if (value == null) {
						if (i + 1 >= args.size()) {
							throw CommandException.usage(option + " needs a value");
						}
						value = args.get(++i);
					}
					switch (option) {
						case "--table" -> table = once(table, option, Path.of(value));
						case "--out-table" -> outTable = once(outTable, option, Path.of(value));
						case "--report" -> report = once(report, option, Path.of(value));
						case "--model-from" -> modelFrom = once(modelFrom, option, Path.of(value));
						case "--model" -> model = once(model, option, value);
						default -> params.add(value);
					}
				}
				default -> {
					if (arg.startsWith("-")) {
						throw CommandException.usage("unknown option '" + arg + "' for run");
					}
					if (method != null) {
						throw CommandException.usage("run takes one METHOD, got a second one: '" + arg + "'");
					}
					method = arg;
				}
			}
		}
		if (method == null) {
			throw CommandException.usage("run needs a METHOD (see 'idx methods')");
		}
		if (table == null) {
			throw CommandException.usage("run needs --table TABLE");
		}
		if (model != null && modelFrom == null) {
			throw CommandException.usage("--model needs --model-from SESSION (the session that keeps the model)");
		}
		if (modelFrom != null && !params.isEmpty()) {
			throw CommandException.usage("--param cannot be combined with --model-from: the stored model was trained already");
		}
		return new RunCommand(method, table, List.copyOf(params), outTable, report, modelFrom, model);
	}

	/** @return the model of this method kept in the {@code --model-from} session */
	private TrainedModel storedModel() throws CommandException {
		Session session;
		try {
			session = SessionFiles.read(modelFrom);
		} catch (IOException e) {
			throw new CommandException(ExitStatus.BAD_INPUT, modelFrom + ": cannot read the session: " + e.getMessage(), e);
		}
		List<TrainedModel> candidates = session.models().stream().filter(m -> m.method().equals(method)).toList();
		if (model != null) {
			return candidates.stream().filter(m -> m.name().equals(model)).findFirst()
					.orElseThrow(() -> new CommandException(ExitStatus.BAD_INPUT, modelFrom + " keeps no " + method + " model named '"
							+ model + "'" + names(candidates)));
		}
		if (candidates.size() != 1) {
			throw new CommandException(ExitStatus.BAD_INPUT, modelFrom + " keeps " + candidates.size() + " " + method + " models"
					+ (candidates.isEmpty() ? "" : ": choose one with --model NAME") + names(candidates));
		}
		return candidates.get(0);
	}

	private static String names(List<TrainedModel> models) {
		return models.isEmpty() ? "" : " (" + models.stream().map(m -> "'" + m.name() + "'").collect(Collectors.joining(", ")) + ")";
	}

	private static <T> T once(T previous, String option, T value) throws CommandException {
		if (previous != null) {
			throw CommandException.usage(option + " is given twice");
		}
		return value;
	}

	@Override
	public void execute(PrintStream out) throws CommandException {
		MethodRegistry registry = MethodRegistry.fromPlatform();
		MethodDescriptor descriptor = registry.find(method).orElseThrow(() -> CommandException.usage("unknown method '" + method
				+ "' (installed: " + registry.methods().stream().map(MethodDescriptor::id).collect(Collectors.joining(", ")) + ")"));
		ParameterValues values;
		try {
			values = descriptor.parse(params);
		} catch (ParameterException e) {
			throw CommandException.usage(e.getMessage());
		}
		ReadResult read = InfoCommand.read(table);
		DataTable data = read.table();
		AnalysisResult result;
		try {
			result = modelFrom == null ? AnalysisRunner.run(descriptor, data, values, new NullProgressMonitor())
					: AnalysisRunner.predict(descriptor, storedModel(), data, null, new NullProgressMonitor());
		} catch (AnalysisException e) {
			throw new CommandException(ExitStatus.BAD_INPUT, table + ": " + method + ": " + e.getMessage(), e);
		}
		List<String> added = AnalysisRunner.addColumns(data, result);
		if (report != null) {
			try {
				Files.writeString(report, ReportWriter.toJson(result.report(), true), StandardCharsets.UTF_8);
			} catch (IOException e) {
				throw new CommandException(ExitStatus.BAD_INPUT, report + ": cannot write the report: " + e.getMessage(), e);
			}
		}
		if (outTable != null) {
			try {
				DelimitedTableWriter.write(data, outTable, read.dialect().delimiter(), ProgressMonitor.NONE);
			} catch (IOException e) {
				throw new CommandException(ExitStatus.BAD_INPUT, outTable + ": cannot write the table: " + e.getMessage(), e);
			}
		}
		if (report == null) {
			out.print(ReportWriter.toJson(result.report(), true));
		} else {
			Object n = result.report().get("n");
			out.println(method + ": done" + (n == null ? "" : ", " + n + " rows used")
					+ (added.isEmpty() ? "" : ", new columns " + String.join(", ", added)
							+ (outTable == null ? " (not written: no --out-table)" : " in " + outTable))
					+ ", report in " + report);
		}
	}
}
