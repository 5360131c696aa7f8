package paxosviz.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import paxosviz.BadInputException;
import paxosviz.export.Exporter;
import paxosviz.export.TimeWindow;
import paxosviz.trace.json.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export TRACE.jsonl --to shiviz|svg|png|history --out FILE}: a trace for other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes a trace for other tools: a ShiViz log (the regex, then each event with its host's vector clock),"
                + " a space-time diagram (svg or png), or the client history (one JSON line per invoke/return pair)."
                + " Exit 0, or 2 for bad input.")
final class ExportCommand implements Callable<Integer> {

    enum Format {
        shiviz(Exporter.Format.SHIVIZ), svg(Exporter.Format.SVG), png(Exporter.Format.PNG), history(Exporter.Format.HISTORY);

        final Exporter.Format kind;

        Format(Exporter.Format kind) {
            this.kind = kind;
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE.jsonl", description = "the trace (.jsonl or .jsonl.gz)")
    private Path traceFile;

    @Option(names = "--to", required = true, description = "shiviz, svg, png or history")
    private Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write")
    private Path out;

    @Option(names = "--from", paramLabel = "MS", description = "only events at or after this time (milliseconds)")
    private Double from;

    @Option(names = "--until", paramLabel = "MS", description = "only events at or before this time (milliseconds)")
    private Double until;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        TimeWindow window = new TimeWindow(from != null ? from : Double.NEGATIVE_INFINITY, until != null ? until : Double.POSITIVE_INFINITY);
        if ((from != null && from < 0) || (until != null && until < 0) || window.until() < window.from()) {
            err.println("export: --from and --until are milliseconds, not negative, with --from at most --until");
            return ExitCodes.BAD_INPUT;
        }
        if (!Files.isRegularFile(traceFile)) {
            err.println(traceFile + ": no such file");
            return ExitCodes.BAD_INPUT;
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
            write(file, window);
        } catch (BadInputException e) {
            deletePartial();
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        spec.commandLine().getOut().println("wrote " + format + " to " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** A trace that breaks off halfway must not leave half an export behind. */
    private void deletePartial() {
        try {
            Files.deleteIfExists(out);
        } catch (IOException ignored) {
            // the message about the trace matters more than the leftover file
        }
    }

    private void write(OutputStream file, TimeWindow window) throws BadInputException, IOException {
        Exporter.write(format.kind, sinkForHeader -> TraceReader.readWithHeader(traceFile, sinkForHeader), window, file);
    }
}
