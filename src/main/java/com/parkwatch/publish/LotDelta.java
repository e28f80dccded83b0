package com.parkwatch.publish;

import com.parkwatch.lot.CameraView;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.SpotView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed since the last view a publisher told: the bays whose state or since changed, the cameras whose health
 * or liveness did, and whether the lot's counts, liveness or health did. A view that was dropped on the way does no harm: the next one is compared
 * with what was told, not with the view before it. Used on one publisher's thread only.
 */
final class LotDelta {

    /** The bays and cameras to tell and what of the lot changed. */
    record Changes(List<SpotView> bays, List<CameraView> cameras, boolean counts, boolean health) {
        boolean none() {
            return bays.isEmpty() && cameras.isEmpty() && !counts && !health;
        }
    }

    private final Map<Integer, SpotView> told = new HashMap<>();
    private int free = -1;
    private int total = -1;
    private Boolean live;
    private SourceHealth.State health;
    /** Each camera's health and liveness as told: a camera whose samples stopped stays "live" in health, not in liveness. */
    private final Map<Integer, CameraTold> cameras = new HashMap<>();

    private record CameraTold(SourceHealth.State health, boolean live) {
    }

    /** The changes from what was told to {@code view}, which counts as told from now on. */
    Changes next(LotView view) {
        List<SpotView> bays = new ArrayList<>();
        for (SpotView spot : view.spots()) {
            SpotView before = told.put(spot.id(), spot);
            if (before == null || before.state() != spot.state() || !Objects.equals(before.since(), spot.since())) {
                bays.add(spot);
            }
        }
        int nowFree = view.free();
        boolean counts = nowFree != free || view.total() != total || !Objects.equals(live, view.live());
        free = nowFree;
        total = view.total();
        live = view.live();
        boolean healthChanged = view.source().state() != health;
        health = view.source().state();
        List<CameraView> changedCameras = new ArrayList<>();
        for (CameraView camera : view.cameras()) {
            CameraTold now = new CameraTold(camera.health().state(), camera.live());
            if (!now.equals(cameras.put(camera.number(), now))) {
                changedCameras.add(camera);
            }
        }
        return new Changes(bays, changedCameras, counts, healthChanged);
    }

    /** Nothing counts as told: the next view is told whole (after a broker restart, which lost it all). */
    void forget() {
        told.clear();
        free = -1;
        total = -1;
        live = null;
        health = null;
        cameras.clear();
    }
}
