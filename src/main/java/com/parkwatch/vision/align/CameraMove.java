package com.parkwatch.vision.align;

/**
 * The latest move of the camera that the follower saw: followed (the layout moved with the picture) or lost (too
 * far, or too unlike the lot, to follow with confidence).
 *
 * @param shift how far, or null when the picture no longer looks like the lot at all
 * @param frame the sampled frame at which it was seen
 * @param time  that frame's time in the video, in seconds
 */
public record CameraMove(boolean followed, CameraShift shift, long frame, double time) {

    /**
     * For the operator, with when it was seen in their words: "the camera moved 12 px right, 8 px down at 14:03; the
     * layout followed", "the camera turned 1.5 degrees clockwise at 14:03; the layout followed", or that it moved
     * too far and the layout needs checking.
     */
    public String describe(String when) {
        if (followed) {
            return "the camera " + shift.describeAsMove() + " at " + when + "; the layout followed";
        }
        String how = shift == null ? "" : " (" + shift.describe() + ")";
        return "the camera moved too far to follow" + how + " at " + when + ": check the layout";
    }
}
