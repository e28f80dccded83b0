package com.parkwatch.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.SpotJson;
import com.parkwatch.lot.SpotStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes snapshots as JSON lines: {@code {"frame":F,"time":S,"free":X,"total":N,"spots":[{"id":1,"x":..,"y":..,
 * "w":..,"h":..,"state":"free","confidence":0.97},...]}}, boxes in frame pixels.
 */
final class SnapshotLines implements AutoCloseable {

    private final JsonGenerator out;

    SnapshotLines(Path file) throws IOException {
        out = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
        out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    /** One line; a failed write (a full disk) ends the run with its reason. */
    void write(LotSnapshot snapshot) {
        try {
            writeLine(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLine(LotSnapshot snapshot) throws IOException {
        out.writeStartObject();
        out.writeNumberField("frame", snapshot.frame());
        out.writeNumberField("time", Math.round(snapshot.time() * 1000) / 1000.0);
        out.writeNumberField("free", snapshot.free());
        out.writeNumberField("total", snapshot.total());
        out.writeArrayFieldStart("spots");
        for (SpotStatus s : snapshot.spots()) {
            out.writeStartObject();
            SpotJson.writeSeen(out, s);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        out.writeRaw('\n');
        out.close();
    }
}
