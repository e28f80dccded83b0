package com.parkwatch.lot;

import java.util.List;
import java.util.stream.Collectors;

/** The free spot numbers as people read them, "Free: 3 7 12 +40 more": one text for the kiosk and the frames. */
public final class FreeSpots {

    /** Numbers listed before "+N more": two lines of the kiosk's header, five of the frame's panel. */
    public static final int LISTED = 36;

    private FreeSpots() {
    }

    public static String text(List<Integer> free) {
        if (free.isEmpty()) {
            return "No free spot";
        }
        String shown = free.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(" "));
        return "Free: " + shown + (free.size() > LISTED ? " +" + (free.size() - LISTED) + " more" : "");
    }
}
