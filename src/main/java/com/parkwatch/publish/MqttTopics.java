package com.parkwatch.publish;

import com.parkwatch.lot.Spot;

/**
 * Every MQTT topic of one lot, in one place: the states under {@code parkwatch/<lot>/}, Home Assistant's discovery
 * configs under {@code homeassistant/<component>/<lot>_<what>/config}.
 */
record MqttTopics(String lot) {

    String base() {
        return "parkwatch/" + lot;
    }

    /** "online", or "offline" (the broker says it for a process that died: the last will). */
    String availability() {
        return base() + "/availability";
    }

    String free() {
        return base() + "/free";
    }

    String total() {
        return base() + "/total";
    }

    /** "true" while the camera watches and its newest sample is recent. */
    String live() {
        return base() + "/live";
    }

    /** The camera's health: starting, live, reconnecting, ended or failed. */
    String health() {
        return base() + "/health";
    }

    /** One camera's health (cameras numbered from 1 as given): a lot of several is live while any one is. */
    String cameraHealth(int camera) {
        return base() + "/camera/" + camera + "/health";
    }

    /** "true" while that camera watches and its newest sample is recent: its bays' states are current. */
    String cameraLive(int camera) {
        return base() + "/camera/" + camera + "/live";
    }

    /** free, reserved, occupied, unknown or closed. */
    String bayState(Spot spot) {
        return bay(spot) + "/state";
    }

    String bayConfidence(Spot spot) {
        return bay(spot) + "/confidence";
    }

    String baySince(Spot spot) {
        return bay(spot) + "/since";
    }

    /** booked, arrived, released or alert: a JSON object, not retained. */
    String event(BookingEvent.Kind kind) {
        return base() + "/events/" + kind.word();
    }

    String bay(Spot spot) {
        return base() + "/bay/" + LotIdentity.token(spot.label());
    }

    String discovery(String component, String object) {
        return "homeassistant/" + component + "/" + lot + "_" + object + "/config";
    }
}
