package com.parkwatch.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Home Assistant's MQTT discovery configs for one lot, published retained: Home Assistant then shows, with no
 * configuration of its own, one device for the lot with a binary sensor per bay (occupancy), a sensor of free
 * spots and one of the camera's health (of a lot of several cameras: the lot's, live while any camera is, and one
 * sensor per camera). Bays and the free count are unavailable while the lot is not live (the camera blind) or the
 * process is gone; the cameras' health only while the process is gone.
 */
final class HomeAssistantDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A bay is on (occupied) or off (free, or booked but empty); unknown and closed bays show as unknown. */
    private static final String BAY_TEMPLATE = "{% if value == 'occupied' %}ON{% elif value in ('free', 'reserved') %}OFF"
            + "{% else %}None{% endif %}";

    private final LotIdentity identity;
    private final MqttTopics topics;

    HomeAssistantDiscovery(LotIdentity identity, MqttTopics topics) {
        this.identity = identity;
        this.topics = topics;
    }

    /** Topic to config, in the order to publish. */
    Map<String, String> configs(List<Spot> spots, int cameras) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (Spot spot : spots) {
            String object = "bay_" + LotIdentity.token(spot.label());
            Map<String, Object> bay = entity("Bay " + spot.label(), object, true);
            bay.put("state_topic", topics.bayState(spot));
            bay.put("value_template", BAY_TEMPLATE);
            bay.put("device_class", "occupancy");
            configs.put(topics.discovery("binary_sensor", object), write(bay));
        }
        Map<String, Object> free = entity("Free spots", "free", true);
        free.put("state_topic", topics.free());
        free.put("unit_of_measurement", "spots");
        free.put("state_class", "measurement");
        free.put("icon", "mdi:car-brake-parking");
        configs.put(topics.discovery("sensor", "free"), write(free));
        configs.put(topics.discovery("sensor", "camera"), health("Camera", "camera", topics.health()));
        for (int n = 1; cameras > 1 && n <= cameras; n++) {
            configs.put(topics.discovery("sensor", "camera_" + n), health("Camera " + n, "camera_" + n,
                    topics.cameraHealth(n)));
        }
        return configs;
    }

    /** A sensor of a camera's health: one of the states' words. */
    private String health(String name, String object, String topic) {
        Map<String, Object> camera = entity(name, object, false);
        camera.put("state_topic", topic);
        camera.put("device_class", "enum");
        camera.put("options", Arrays.stream(SourceHealth.State.values()).map(SourceHealth.State::word).toList());
        camera.put("icon", "mdi:cctv");
        return write(camera);
    }

    private Map<String, Object> entity(String name, String object, boolean onlyWhileLive) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        e.put("unique_id", "parkwatch_" + identity.id() + "_" + object);
        e.put("object_id", identity.id() + "_" + object);
        Map<String, Object> online = Map.of("topic", topics.availability());
        if (onlyWhileLive) {
            e.put("availability", List.of(online, Map.of("topic", topics.live(), "payload_available", "true",
                    "payload_not_available", "false")));
            e.put("availability_mode", "all");
        } else {
            e.put("availability", List.of(online));
        }
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("identifiers", List.of("parkwatch_" + identity.id()));
        device.put("name", identity.name());
        device.put("manufacturer", "ParkWatch");
        device.put("model", "parking-occupancy camera");
        e.put("device", device);
        return e;
    }

    private static String write(Map<String, Object> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a discovery config could not be written", e);
        }
    }
}
