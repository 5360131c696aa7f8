package paxosviz.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import paxosviz.BadInputException;
import paxosviz.trace.json.HistoryWriter;
import paxosviz.trace.model.TraceEvent;
import paxosviz.trace.model.TraceHeader;
import paxosviz.trace.model.TraceSink;

/**
 * Writes a trace for other tools, from a file (the {@code export} command) or from memory (the
 * window): a ShiViz log, a space-time diagram (SVG or PNG), or the client history.
 */
public final class Exporter {

    /** What to write. */
    public enum Format {
        SHIVIZ("ShiViz log", "log"), SVG("space-time diagram (SVG)", "svg"), PNG("space-time diagram (PNG)", "png"),
        HISTORY("client history (JSON lines)", "history.jsonl");

        private final String label;
        private final String extension;

        Format(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        public String label() {
            return label;
        }

        /** The usual file ending, without the dot. */
        public String extension() {
            return extension;
        }
    }

    /** Streams a trace's events into the sink chosen for its header; returns the header. */
    @FunctionalInterface
    public interface Source {
        TraceHeader feed(Function<TraceHeader, TraceSink> sinkForHeader) throws BadInputException;
    }

    private Exporter() {
    }

    /** A trace already in memory, as a source. */
    public static Source of(TraceHeader header, List<TraceEvent> events) {
        return sinkForHeader -> {
            TraceSink sink = sinkForHeader.apply(header);
            events.forEach(sink::accept);
            return header;
        };
    }

    /** A picture of an unsafe run says so at its top, wherever it is shown later. */
    private static String unsafeNotice(TraceHeader header) {
        return header.scenario() != null && header.scenario().unsafe() ? "UNSAFE on purpose: " + header.scenario().unsafeWhy() : "";
    }

    /** Writes the events of {@code source} inside {@code window} to {@code out} as {@code format}. */
    public static void write(Format format, Source source, TimeWindow window, OutputStream out) throws BadInputException, IOException {
        switch (format) {
            case SHIVIZ -> {
                PrintWriter text = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                source.feed(header -> new ShivizWriter(text, window));
                text.flush();
            }
            case HISTORY -> {
                HistoryWriter history = new HistoryWriter(out, window.from(), window.until());
                source.feed(header -> history);
                history.close(); // writes the operations never answered; closes out too
            }
            case SVG, PNG -> {
                SpaceTimeDiagram[] diagram = new SpaceTimeDiagram[1];
                source.feed(header -> diagram[0] = new SpaceTimeDiagram(header.nodes(), window, unsafeNotice(header)));
                if (format == Format.SVG) {
                    PrintWriter text = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    SvgRenderer.render(diagram[0], text);
                    text.flush();
                } else {
                    PngRenderer.render(diagram[0], out);
                }
            }
        }
    }
}
