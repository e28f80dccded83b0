package com.parkwatch.lot;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The spot fields of every JSON output in one place: {@code "id"}, what a driver reads ({@code "label"}, {@code
 * "zone"}, {@code "types"}) and the box ({@code "x","y","w","h"}, frame pixels) for layouts, then the state as the
 * command line's lines and the API give it.
 */
public final class SpotJson {

    private SpotJson() {
    }

    /** {@code "id","label","zone","types","x","y","w","h"} into the object being written. */
    public static void writeBox(JsonGenerator out, Spot spot) throws IOException {
        Box b = spot.box();
        out.writeNumberField("id", spot.id());
        out.writeStringField("label", spot.label());
        out.writeStringField("zone", spot.zone());
        out.writeArrayFieldStart("types");
        for (BayType type : spot.types()) {
            out.writeString(type.word());
        }
        out.writeEndArray();
        out.writeNumberField("x", b.x());
        out.writeNumberField("y", b.y());
        out.writeNumberField("w", b.width());
        out.writeNumberField("h", b.height());
    }

    /** The box, then {@code "state"} and {@code "confidence"}: the command line's view, where nothing is booked. */
    public static void writeSeen(JsonGenerator out, SpotStatus status) throws IOException {
        writeBox(out, status.spot());
        out.writeStringField("state", status.occupancy().word());
        out.writeNumberField("confidence", rounded(status.confidence()));
    }

    /** The box, the state by {@link SpotState#of}, what the camera sees, the booking, the dates and the camera: the
     * API's view. */
    public static void writeShown(JsonGenerator out, SpotView spot) throws IOException {
        writeBox(out, spot.spot());
        out.writeStringField("state", spot.state().word());
        out.writeStringField("occupancy", spot.occupancy().word());
        out.writeBooleanField("reserved", spot.reserved());
        out.writeStringField("reserved_until", spot.reservedUntil() == null ? null : spot.reservedUntil().toString());
        out.writeStringField("since", spot.since() == null ? null : spot.since().toString());
        out.writeNumberField("confidence", rounded(spot.confidence()));
        out.writeNumberField("camera", spot.camera());
    }

    private static double rounded(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
