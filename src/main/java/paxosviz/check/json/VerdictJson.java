package paxosviz.check.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import paxosviz.check.CheckReport;
import paxosviz.check.Verdict;

/** The one-line JSON summary that {@code run} and {@code check} print last. */
public final class VerdictJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private VerdictJson() {
    }

    public static String toJson(Verdict verdict) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            CheckReport report = verdict.report();
            json.writeStartObject();
            json.writeBooleanField("ok", verdict.ok());
            json.writeArrayFieldStart("violations");
            for (String failure : verdict.failures()) {
                json.writeString(failure);
            }
            json.writeEndArray();
            json.writeNumberField("slotsChosen", report.slotsChosen());
            json.writeNumberField("acknowledged", report.acknowledged());
            writeNullableBoolean(json, "linearizable", report.linearizable());
            writeNullableBoolean(json, "converged", report.converged());
            json.writeArrayFieldStart("notes");
            for (String note : report.notes()) {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeNullableBoolean(JsonGenerator json, String field, Boolean value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeBooleanField(field, value);
        }
    }
}
