package paxosviz.scenario.json;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.scenario.Highlight;
import paxosviz.scenario.Narration;
import paxosviz.scenario.Step;

/** Writes a scenario's captions as the reader takes them; a highlight only with what it points at. */
public final class NarrationWriter {

    private NarrationWriter() {
    }

    static void write(List<Narration> narration, JsonGenerator out) throws IOException {
        out.writeArrayFieldStart("narration");
        for (Narration caption : narration) {
            out.writeStartObject();
            out.writeFieldName("at");
            ScenarioWriter.writeNumber(caption.at(), out);
            out.writeStringField("text", caption.text());
            if (caption.pause()) {
                out.writeBooleanField("pause", true);
            }
            if (!Double.isNaN(caption.forMs())) {
                out.writeFieldName("forMs");
                ScenarioWriter.writeNumber(caption.forMs(), out);
            }
            if (!caption.highlight().isEmpty()) {
                out.writeFieldName("highlight");
                writeHighlight(caption.highlight(), out);
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** Also the {@code highlight} of a trace's {@code caption} event. */
    public static void writeHighlight(Highlight highlight, JsonGenerator out) throws IOException {
        out.writeStartObject();
        if (!highlight.nodes().isEmpty() || !highlight.roles().isEmpty()) {
            out.writeArrayFieldStart("nodes");
            for (int node : highlight.nodes()) {
                out.writeNumber(node);
            }
            for (Step.NodeRole role : highlight.roles()) {
                out.writeString(role.wireName());
            }
            out.writeEndArray();
        }
        if (!highlight.links().isEmpty()) {
            out.writeArrayFieldStart("links");
            for (Highlight.Link link : highlight.links()) {
                out.writeStartArray();
                out.writeNumber(link.a());
                out.writeNumber(link.b());
                out.writeEndArray();
            }
            out.writeEndArray();
        }
        if (highlight.hasSlots()) {
            out.writeArrayFieldStart("slots");
            out.writeNumber(highlight.fromSlot());
            out.writeNumber(highlight.toSlot());
            out.writeEndArray();
        }
        if (!highlight.kinds().isEmpty()) {
            out.writeArrayFieldStart("kinds");
            for (String kind : highlight.kinds()) {
                out.writeString(kind);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
